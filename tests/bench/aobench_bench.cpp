// The hot kernel of the aobench workload: one row of pixels with their
// ambient-occlusion rays.
#include <benchmark/benchmark.h>

#include <vector>

#include "workloads/aobench/ambient_occlusion.h"

namespace corebench::aobench {
namespace {

// A row through the balls and the floor of a 256x256 picture at the PTS
// settings (2x2 subsamples, 8x8 occlusion rays).
void BM_RenderRow(benchmark::State& state) {
  const Settings settings{256, 2, 8};
  std::vector<std::uint32_t> row(256);
  for (auto _ : state) {
    render_row(settings, 140, row);
    benchmark::DoNotOptimize(row.data());
  }
  state.SetItemsProcessed(state.iterations() * 256);
}
BENCHMARK(BM_RenderRow)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corebench::aobench
