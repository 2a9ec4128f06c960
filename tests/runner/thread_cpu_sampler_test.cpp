// Recording where OpenMP threads ran, on this machine.
#include "runner/child/thread_cpu_sampler.h"

#include <gtest/gtest.h>
#include <omp.h>
#include <sched.h>

#include <chrono>
#include <filesystem>

#include "runner/child/thread_pinning.h"
#include "runner/machine/placement.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

// Keeps both threads busy long enough for several sampler periods.
void busy_team(std::chrono::milliseconds how_long) {
  const auto until = std::chrono::steady_clock::now() + how_long;
#pragma omp parallel
  {
    volatile double x = 0;
    while (std::chrono::steady_clock::now() < until) x = x + 1;
  }
}

// Every thread of this process, as the runner pins a test's whole process
// before exec: libraries' pool threads (OpenBLAS starts some at load time)
// included, not only the OpenMP team.
void pin_process(const std::vector<int>& cpus) {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  for (int cpu : cpus) CPU_SET(cpu, &mask);
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task"))
    sched_setaffinity(static_cast<pid_t>(std::stol(task.path().filename().string())), sizeof mask,
                      &mask);
}

// The CPUs this process may use (a container or taskset may allow fewer
// than are online), as the test found them, to put back afterwards.
const CpuSet& allowed() {
  static const CpuSet cpus = CpuSet(allowed_cpus());
  return cpus;
}

void unpin_all() {
  pin_process(allowed().ids());
}

TEST(ThreadCpuSampler, PinnedThreadsStayInTheirSet) {
  const int last = allowed().ids().back();
  omp_set_num_threads(2);
  pin_process({last});
  pin_openmp_threads({last});
  ThreadCpuSampler sampler(CpuSet({last}), 5);
  sampler.start();
  busy_team(std::chrono::milliseconds(60));
  const ThreadCpus seen = sampler.stop();
  unpin_all();
  ASSERT_EQ(seen.by_thread.size(), 2u);
  EXPECT_EQ(seen.by_thread[0], CpuSet({last}));
  EXPECT_EQ(seen.by_thread[1], CpuSet({last}));
  EXPECT_FALSE(seen.strayed) << "threads outside the team were seen on "
                             << seen.other_threads.to_string();
}

TEST(ThreadCpuSampler, AThreadOutsideTheSetIsFlagged) {
  const CpuSet online = allowed();
  if (online.size() < 2) GTEST_SKIP() << "needs two CPUs";
  omp_set_num_threads(2);
  pin_openmp_threads(online.ids());  // thread 1 lands outside {first}
  ThreadCpuSampler sampler(CpuSet({online.first()}), 5);
  sampler.start();
  busy_team(std::chrono::milliseconds(20));
  const ThreadCpus seen = sampler.stop();
  unpin_all();
  EXPECT_EQ(seen.by_thread[1], CpuSet({online.ids()[1]}));
  EXPECT_TRUE(seen.strayed);
}

}  // namespace
}  // namespace corebench
