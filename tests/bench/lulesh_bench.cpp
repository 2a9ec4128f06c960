// LULESH's leapfrog cycle on cache-resident meshes, for tuning: 20 cycles
// from the initial blast per iteration, reported as LULESH's figure of
// merit (thousands of zone-cycles per second).
#include <benchmark/benchmark.h>

#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/leapfrog.h"

namespace corebench::lulesh {
namespace {

constexpr Index kCycles = 20;

void BM_LeapfrogCycles(benchmark::State& state) {
  const auto size = static_cast<Index>(state.range(0));
  Domain domain(size, Regions::Settings{});
  for (auto _ : state) {
    domain.reset();
    benchmark::DoNotOptimize(run_leapfrog(domain, kCycles));
  }
  state.counters["FOM"] = benchmark::Counter(double(domain.num_elem) * kCycles / 1000.0,
                                             benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_LeapfrogCycles)->Arg(8)->Arg(16)->Arg(24)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corebench::lulesh
