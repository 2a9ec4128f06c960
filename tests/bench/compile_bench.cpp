// What the compile workload adds around the compiler: generating the tree
// and starting, pinning and reaping one job (here /bin/true, so the cost
// measured is the scheduler's own).
#include <benchmark/benchmark.h>

#include "workloads/common/cpu_mask.h"
#include "workloads/compile/job_scheduler.h"
#include "workloads/compile/process.h"
#include "workloads/compile/temp_dir.h"
#include "workloads/compile/tree_generator.h"

namespace {

using namespace corebench::compile;
using corebench::allowed_cpus;

void BM_GenerateSmallTree(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(generate_tree(tree_shape("small"), 1).checksum);
}
BENCHMARK(BM_GenerateSmallTree)->Unit(benchmark::kMillisecond);

void BM_SchedulerPerJob(benchmark::State& state) {
  const TempDir dir("corebench-compile-bench");
  const JobScheduler scheduler(static_cast<int>(state.range(0)), allowed_cpus());
  const std::vector<Job> jobs(32,
                              Job{"true", {find_program("true")}, (dir.path() / "log").string()});
  for (auto _ : state) benchmark::DoNotOptimize(scheduler.run(jobs));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * jobs.size()));
}
BENCHMARK(BM_SchedulerPerJob)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
