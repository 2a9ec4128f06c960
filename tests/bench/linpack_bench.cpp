// Microbenchmarks of linpack's solvers at a cache-friendly order, for tuning
// the panel width: GFLOPS of factorisation plus solve, as the workload counts.
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include "workloads/linpack/blocked_lu.h"
#include "workloads/linpack/random_system.h"
#include "workloads/linpack/system_lapack.h"

namespace {

using Eigen::Index;

constexpr std::uint64_t kSeed = 1;

void count_flops(benchmark::State& state, Index n) {
  const double m = static_cast<double>(n);
  state.counters["GFLOPS"] = benchmark::Counter((2.0 / 3.0 * m * m * m + 1.5 * m * m) * 1e-9,
                                                benchmark::Counter::kIsIterationInvariantRate);
}

void BM_BlockedLu(benchmark::State& state) {
  const Index n = state.range(0), nb = state.range(1);
  Eigen::MatrixXd ab(n, n + 1);
  Eigen::VectorXd x(n);
  for (auto _ : state) {
    state.PauseTiming();
    corebench::linpack::fill_system(kSeed, ab);
    state.ResumeTiming();
    corebench::linpack::factor_augmented(ab, nb);
    corebench::linpack::back_substitute(ab, x);
    benchmark::DoNotOptimize(x.data());
  }
  count_flops(state, n);
}
BENCHMARK(BM_BlockedLu)->ArgsProduct({{1000, 2000}, {64, 128, 256}})->Unit(benchmark::kMillisecond);

void BM_SystemLapack(benchmark::State& state) {
  const Index n = state.range(0);
  Eigen::MatrixXd ab(n, n + 1);
  Eigen::VectorXd x(n);
  for (auto _ : state) {
    state.PauseTiming();
    corebench::linpack::fill_system(kSeed, ab);
    state.ResumeTiming();
    corebench::linpack::solve_with_system_lapack(ab, x);
    benchmark::DoNotOptimize(x.data());
  }
  count_flops(state, n);
}
BENCHMARK(BM_SystemLapack)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);

}  // namespace
