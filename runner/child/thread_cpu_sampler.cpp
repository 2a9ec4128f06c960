#include "runner/child/thread_cpu_sampler.h"

#include <omp.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "runner/machine/placement.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

pid_t current_tid() {
  return static_cast<pid_t>(syscall(SYS_gettid));
}

struct TaskState {
  int cpu = -1;             // field 39, "processor": the CPU it last ran on
  unsigned long ticks = 0;  // fields 14 + 15: user + system time so far
};

// A thread's line of /proc/self/task/TID/stat; cpu -1 when the thread is
// gone. The command name (field 2) may hold spaces, so counting starts after
// its closing parenthesis.
TaskState task_state(pid_t tid) {
  std::ifstream stat("/proc/self/task/" + std::to_string(tid) + "/stat");
  std::string line;
  TaskState state;
  if (!std::getline(stat, line)) return state;
  const auto name_end = line.rfind(')');
  if (name_end == std::string::npos) return state;
  std::istringstream fields(line.substr(name_end + 1));
  std::string field;
  for (int index = 3; index <= 39 && fields >> field; ++index) {
    if (index == 14 || index == 15) state.ticks += std::stoul(field);
    if (index == 39) state.cpu = std::stoi(field);
  }
  return state;
}

}  // namespace

ThreadCpuSampler::ThreadCpuSampler(CpuSet allowed, int period_ms)
    : allowed_(std::move(allowed)), period_ms_(period_ms) {}

ThreadCpuSampler::~ThreadCpuSampler() {
  running_ = false;
  if (sampler_.joinable()) sampler_.join();
}

void ThreadCpuSampler::sample_team() {
  std::vector<std::pair<pid_t, int>> team(static_cast<std::size_t>(omp_get_max_threads()));
#pragma omp parallel
  {
    const auto thread = static_cast<std::size_t>(omp_get_thread_num());
    if (thread < team.size()) team[thread] = {current_tid(), sched_getcpu()};
  }
  if (seen_.size() < team.size()) seen_.resize(team.size());
  for (std::size_t thread = 0; thread < team.size(); ++thread) {
    thread_of_tid_[team[thread].first] = static_cast<int>(thread);
    seen_[thread].push_back(team[thread].second);
  }
}

void ThreadCpuSampler::sample_tasks() {
  std::vector<pid_t> tids;
  std::error_code error;
  for (std::filesystem::directory_iterator it("/proc/self/task", error), end; !error && it != end;
       it.increment(error)) {
    tids.push_back(static_cast<pid_t>(std::stol(it->path().filename().string())));
  }
  for (const pid_t tid : tids) {
    if (tid == sampler_tid_) continue;
    const TaskState state = task_state(tid);
    // A thread that used no CPU time since the last look did not run: its
    // "last CPU" may date from before the process was pinned (a library's
    // idle pool thread), so it says nothing about this run.
    const auto previous = ticks_of_tid_.find(tid);
    const bool ran = previous != ticks_of_tid_.end() && state.ticks != previous->second;
    ticks_of_tid_[tid] = state.ticks;
    if (state.cpu < 0 || !ran) continue;
    const int cpu = state.cpu;
    const auto thread = thread_of_tid_.find(tid);
    if (thread != thread_of_tid_.end()) {
      seen_[static_cast<std::size_t>(thread->second)].push_back(cpu);
    } else {
      seen_by_others_.push_back(cpu);
    }
  }
}

void ThreadCpuSampler::start() {
  sample_team();
  running_ = true;
  sampler_ = std::thread([this] {
    sampler_tid_ = current_tid();
    // Born on OpenMP thread 0's CPU; roaming the set disturbs it less.
    try {
      pin_calling_thread(allowed_.ids());
    } catch (const std::system_error&) {
      // Sampling from thread 0's CPU still works.
    }
    while (running_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(period_ms_));
      if (running_) sample_tasks();
    }
  });
}

ThreadCpus ThreadCpuSampler::stop() {
  running_ = false;
  if (sampler_.joinable()) sampler_.join();
  sample_team();
  ThreadCpus result;
  for (auto& cpus : seen_) result.by_thread.push_back(CpuSet(cpus));
  result.other_threads = CpuSet(seen_by_others_);
  for (const auto& cpus : result.by_thread) result.strayed |= !(cpus - allowed_).empty();
  result.strayed |= !(result.other_threads - allowed_).empty();
  return result;
}

}  // namespace corebench
