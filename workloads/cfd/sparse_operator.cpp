#include "workloads/cfd/sparse_operator.h"

#include <omp.h>

#include <algorithm>
#include <cassert>
#include <cstddef>

#include "workloads/common/aligned_buffer.h"

namespace corebench::cfd {
namespace {

// Below this many rows a parallel region costs more than it saves.
constexpr Eigen::Index kParallelMinRows = 8192;
// Rows per block boundary: a cache line of the result, so that no two
// threads write the same line.
constexpr std::size_t kRowGranule = 8;

// Entries to prefetch ahead of the cursor (2 KiB of values). The hardware
// prefetchers stop at every 4 KiB page, which the value stream crosses every
// 70 rows or so; on their own they left the product at about 75 % of the
// triad's bandwidth, with this at 90 % and more.
constexpr std::ptrdiff_t kPrefetchEntries = 256;

// The entry cursor runs on from row to row, so a row costs one load of its
// end and the inner loop is a pointer walk: a few percent more bandwidth at
// two threads than indexing through both row starts.
void multiply_rows(const SparseMatrix& a, const double* x, double* y, Block rows) {
  const int* row_end = a.outerIndexPtr() + 1;
  const double* value = a.valuePtr() + a.outerIndexPtr()[rows.begin];
  const int* column = a.innerIndexPtr() + a.outerIndexPtr()[rows.begin];
  const double* values_end = a.valuePtr() + a.nonZeros();
  for (std::size_t i = rows.begin; i < rows.end; ++i) {
    const std::ptrdiff_t ahead = std::min(kPrefetchEntries, values_end - value);
    __builtin_prefetch(value + ahead);
    __builtin_prefetch(column + ahead);
    const double* last = a.valuePtr() + row_end[i];
    double sum = 0;
    for (; value != last; ++value, ++column) sum += *value * x[*column];
    y[i] = sum;
  }
}

}  // namespace

void multiply(const SparseMatrix& a, Eigen::Ref<const Eigen::VectorXd> x,
              Eigen::Ref<Eigen::VectorXd> y) {
  assert(a.isCompressed() && x.size() == a.cols() && y.size() == a.rows());
  const auto rows = static_cast<std::size_t>(a.rows());
  // Not `parallel if`: even a team of one costs a few percent of a small
  // product, and the solvers run thousands of them.
  if (a.rows() < kParallelMinRows) return multiply_rows(a, x.data(), y.data(), {0, rows});
#pragma omp parallel
  multiply_rows(a, x.data(), y.data(),
                block_of(rows, omp_get_thread_num(), omp_get_num_threads(), kRowGranule));
}

}  // namespace corebench::cfd
