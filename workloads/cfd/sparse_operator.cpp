#include "workloads/cfd/sparse_operator.h"

#include <omp.h>

#include <cassert>

#include "workloads/common/aligned_buffer.h"

namespace corebench::cfd {
namespace {

// Below this many rows a parallel region costs more than it saves.
constexpr Eigen::Index kParallelMinRows = 8192;
// Rows per block boundary: a cache line of the result, so that no two
// threads write the same line.
constexpr std::size_t kRowGranule = 8;

void multiply_rows(const SparseMatrix& a, const double* x, double* y, Block rows) {
  const int* start = a.outerIndexPtr();
  const int* column = a.innerIndexPtr();
  const double* value = a.valuePtr();
  for (std::size_t i = rows.begin; i < rows.end; ++i) {
    double sum = 0;
    for (int k = start[i]; k < start[i + 1]; ++k) sum += value[k] * x[column[k]];
    y[i] = sum;
  }
}

}  // namespace

void multiply(const SparseMatrix& a, Eigen::Ref<const Eigen::VectorXd> x,
              Eigen::Ref<Eigen::VectorXd> y) {
  assert(a.isCompressed() && x.size() == a.cols() && y.size() == a.rows());
  const auto rows = static_cast<std::size_t>(a.rows());
#pragma omp parallel if (a.rows() >= kParallelMinRows)
  multiply_rows(a, x.data(), y.data(),
                block_of(rows, omp_get_thread_num(), omp_get_num_threads(), kRowGranule));
}

}  // namespace corebench::cfd
