// Why profiles pick a dynamic OpenMP schedule where core types differ.
//
// This machine's cores are equal, so one is made slow: kHogs busy processes
// pinned to the last CPU leave our thread there about 1/(kHogs+1) of it
// (on an otherwise idle machine). Two OpenMP threads, pinned by the
// runner's own code to the first and last CPU, then share a CPU-bound loop
// of many equal chunks under the schedule a profile would set:
//   static   each thread gets half the chunks; the slowed thread finishes
//            late and the fast one waits (with 3 hogs: about 4x unloaded);
//   dynamic  threads take chunks as they finish them, so the fast one does
//            more (ideal: the work of 1.25 CPUs, 1.6x unloaded).
// Run:  corebench_bench --benchmark_filter='Unloaded|SlowCpu' --benchmark_repetitions=5
//         --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <omp.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <memory>
#include <vector>

#include "runner/child/thread_pinning.h"
#include "runner/machine/openmp_schedule.h"
#include "runner/machine/placement.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

constexpr int kHogs = 3;
constexpr int kChunks = 512;
constexpr int kStepsPerChunk = 20000;

// A CPU-bound chunk with a result the compiler cannot drop.
double chunk_work(int chunk) {
  double x = 0.5 + chunk * 1e-6;
  for (int step = 0; step < kStepsPerChunk; ++step) x = 3.9 * x * (1.0 - x);
  return x;
}

double run_loop() {
  double sum = 0;
#pragma omp parallel for schedule(runtime) reduction(+ : sum)
  for (int chunk = 0; chunk < kChunks; ++chunk) sum += chunk_work(chunk);
  return sum;
}

// A busy process pinned to one CPU for as long as this object lives.
class CpuHog {
 public:
  explicit CpuHog(int cpu) : pid_(fork()) {
    if (pid_ == 0) {
      pin_calling_thread({cpu});
      volatile unsigned long spin = 0;
      while (true) spin = spin + 1;
    }
  }
  ~CpuHog() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  CpuHog(const CpuHog&) = delete;
  CpuHog& operator=(const CpuHog&) = delete;

 private:
  pid_t pid_;
};

void schedule_on_two_cpus(benchmark::State& state, const char* schedule, bool slow_last_cpu) {
  const Topology topology = detect_topology();
  if (topology.online.size() < 2) {
    state.SkipWithError("needs two CPUs");
    return;
  }
  const int first = topology.online.first();
  const int last = topology.online.ids().back();
  omp_set_num_threads(2);
  pin_openmp_threads({first, last});
  apply_openmp_schedule(parse_openmp_schedule("static"));
  const double expected = run_loop();  // the same sum whatever the schedule
  apply_openmp_schedule(parse_openmp_schedule(schedule));
  std::vector<std::unique_ptr<CpuHog>> hogs;
  for (int i = 0; slow_last_cpu && i < kHogs; ++i) hogs.push_back(std::make_unique<CpuHog>(last));
  for (auto _ : state) {
    const double sum = run_loop();
    if (std::abs(sum - expected) > 1e-9 * std::abs(expected)) {
      state.SkipWithError("the schedule changed the answer");
      break;
    }
  }
  state.counters["chunks_per_s"] = benchmark::Counter(
      static_cast<double>(kChunks), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Unloaded_Static(benchmark::State& state) {
  schedule_on_two_cpus(state, "static", false);
}
void BM_SlowCpu_Static(benchmark::State& state) {
  schedule_on_two_cpus(state, "static", true);
}
void BM_SlowCpu_Dynamic(benchmark::State& state) {
  schedule_on_two_cpus(state, "dynamic,1", true);
}

BENCHMARK(BM_Unloaded_Static)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SlowCpu_Static)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SlowCpu_Dynamic)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corebench
