// Where the threads of a run really ran. Pinning asks the kernel; this
// checks it: every OpenMP thread reports sched_getcpu() from inside a
// parallel region right before and after the timed run, and while it runs a
// sampler thread reads the CPU each of the process's threads was last on
// (/proc/self/task/TID/stat), which also catches threads the workload made
// outside the pinned OpenMP team.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <map>
#include <thread>
#include <vector>

#include "runner/machine/cpuset.h"

namespace corebench {

struct ThreadCpus {
  std::vector<CpuSet> by_thread;  // CPUs seen per OpenMP thread number
  CpuSet other_threads;           // CPUs seen for threads outside the team
  bool strayed = false;           // some CPU seen is outside the run's set
};

class ThreadCpuSampler {
 public:
  // `allowed` is the run's CPU set; `period_ms` the sampler's interval.
  explicit ThreadCpuSampler(CpuSet allowed, int period_ms = 20);
  ~ThreadCpuSampler();
  ThreadCpuSampler(const ThreadCpuSampler&) = delete;
  ThreadCpuSampler& operator=(const ThreadCpuSampler&) = delete;

  void start();       // before the timed run, from the thread that runs it
  ThreadCpus stop();  // after it

 private:
  void sample_team();
  void sample_tasks();

  CpuSet allowed_;
  int period_ms_;
  std::map<pid_t, int> thread_of_tid_;
  std::map<pid_t, unsigned long> ticks_of_tid_;  // CPU time at the last look
  std::vector<std::vector<int>> seen_;
  std::vector<int> seen_by_others_;
  pid_t sampler_tid_ = 0;
  std::atomic<bool> running_{false};
  std::thread sampler_;
};

}  // namespace corebench
