// The CFD solver's inner loop, the sparse matrix-vector product of its
// pressure-correction matrix, formed as the solvers form it (through a
// SparseOperator, on every OpenMP thread), beside ramspeed's triad on arrays
// of about the same size. Out of cache both are bound by memory bandwidth,
// so the product's bytes/s over the triad's says how close it comes to what
// the memory delivers.
//
// Bytes counted per product: the matrix as stored (value and column index
// per entry, row starts), the input vector once and the output vector once;
// per triad, STREAM's three arrays. Threads: OMP_NUM_THREADS.
//   corebench_bench --benchmark_filter='Cfd|Triad'
#include <benchmark/benchmark.h>
#include <omp.h>

#include <cstdint>

#include "workloads/cfd/cavity.h"
#include "workloads/cfd/cell_matrix.h"
#include "workloads/cfd/discretisation.h"
#include "workloads/cfd/sparse_operator.h"
#include "workloads/common/aligned_buffer.h"
#include "workloads/ramspeed/kernels.h"

namespace corebench::cfd {
namespace {

// The pressure-correction matrix of the 3D cavity with n cells per edge, with
// the coefficients of a fluid at rest (the pattern and the memory traffic
// are what matter here).
SparseMatrix pressure_matrix(int n) {
  const CavityCase cavity{n, 3, 100};
  const HexMesh mesh = cavity_mesh(cavity);
  CellMatrix matrix(mesh);
  Eigen::VectorXd rhs;
  assemble_pressure_correction(mesh, Eigen::VectorXd::Ones(mesh.cell_count()),
                               Eigen::VectorXd::Zero(mesh.face_count()), matrix, rhs);
  return matrix.matrix();
}

std::int64_t bytes_per_product(const SparseMatrix& a) {
  const std::int64_t entries = a.nonZeros();
  const std::int64_t rows = a.rows();
  return entries * (sizeof(double) + sizeof(int)) + (rows + 1) * sizeof(int) +
         2 * rows * static_cast<std::int64_t>(sizeof(double));
}

void BM_CfdPressureSpmv(benchmark::State& state) {
  const SparseMatrix a = pressure_matrix(static_cast<int>(state.range(0)));
  const SparseOperator op(a);
  const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(a.cols(), 1, 2);
  Eigen::VectorXd y = Eigen::VectorXd::Zero(a.rows());
  for (auto _ : state) {
    y.noalias() = op * x;
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * bytes_per_product(a));
  state.counters["MB_per_product"] = static_cast<double>(bytes_per_product(a)) / 1e6;
  state.counters["threads"] = omp_get_max_threads();
}

// 32^3 cells: 3.7 MB per product, cache-resident, for tuning the kernel.
// 160^3 cells: 424 MB per product, beyond any last-level cache here.
BENCHMARK(BM_CfdPressureSpmv)->Arg(32)->Arg(160)->Unit(benchmark::kMillisecond)->UseRealTime();

// ramspeed's triad, each thread on its own first-touched block, as the
// ramspeed workload runs it.
void BM_TriadBandwidth(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  AlignedBuffer<double> a(n), b(n), c(n);
  const auto each_block = [&](auto&& body) {
#pragma omp parallel
    {
      const Block blk = block_of(n, omp_get_thread_num(), omp_get_num_threads(), 8);
      body(blk);
    }
  };
  each_block([&](const Block& blk) {
    for (std::size_t i = blk.begin; i < blk.end; ++i) a[i] = b[i] = c[i] = 1.0;
  });
  for (auto _ : state) {
    each_block([&](const Block& blk) {
      ramspeed::triad(b.data(), c.data(), a.data(), 3.0, blk.begin, blk.end);
    });
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * 3 * static_cast<std::int64_t>(n * sizeof(double)));
  state.counters["threads"] = omp_get_max_threads();
}

// 3 x 2^24 doubles: 403 MB per pass, the size of the large product.
BENCHMARK(BM_TriadBandwidth)->Arg(1 << 24)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace corebench::cfd
