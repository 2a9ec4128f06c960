// The STREAM kernels on cache-resident arrays: the code generation of the
// inner loops, without DRAM in the way (bytes/s as STREAM counts them).
#include <benchmark/benchmark.h>

#include <vector>

#include "workloads/ramspeed/kernels.h"

namespace corebench::ramspeed {
namespace {

template <class T>
void BM_Kernel(benchmark::State& state, Op op) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  std::vector<T> a(n, T(1)), b(n, T(2)), c(n, T(3));
  const Arrays<T> v{a.data(), b.data(), c.data()};
  for (auto _ : state) {
    run_kernel(op, v, T(3), 0, n);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * arrays_moved(op) *
                          static_cast<std::int64_t>(n * sizeof(T)));
}

void BM_Float(benchmark::State& state, Op op) {
  BM_Kernel<double>(state, op);
}
void BM_Int(benchmark::State& state, Op op) {
  BM_Kernel<std::int64_t>(state, op);
}

// 4096 elements: 32 KiB per array, L1/L2 resident.
BENCHMARK_CAPTURE(BM_Float, copy, Op::Copy)->Arg(4096);
BENCHMARK_CAPTURE(BM_Float, scale, Op::Scale)->Arg(4096);
BENCHMARK_CAPTURE(BM_Float, add, Op::Add)->Arg(4096);
BENCHMARK_CAPTURE(BM_Float, triad, Op::Triad)->Arg(4096);
BENCHMARK_CAPTURE(BM_Int, copy, Op::Copy)->Arg(4096);
BENCHMARK_CAPTURE(BM_Int, triad, Op::Triad)->Arg(4096);

}  // namespace
}  // namespace corebench::ramspeed
