#include "runner/telemetry/sampler.h"

#include <ctime>
#include <exception>

#include "runner/telemetry/run_summary.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

std::vector<int> cpus_outside(const CpuSet& avoid) {
  std::vector<int> own;
  try {
    for (const int cpu : allowed_cpus())
      if (!avoid.contains(cpu)) own.push_back(cpu);
  } catch (const std::exception&) {
    // The mask is unknown: share the test's CPUs, as on a machine without others.
  }
  return own;
}

}  // namespace

Sampler::Sampler(Sensors sensors, std::map<int, std::string> core_type_of, const CpuSet& avoid,
                 double interval)
    : sensors_(std::move(sensors)),
      core_type_of_(std::move(core_type_of)),
      own_cpus_(cpus_outside(avoid)),
      interval_(interval) {}

Sampler::~Sampler() {
  if (thread_.joinable()) stop();
}

void Sampler::start() {
  if (thread_.joinable()) stop();
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

RunTelemetry Sampler::stop() {
  if (!thread_.joinable()) return {};
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
  return result_;
}

// The readings' cost is the thread's CPU time, from its start (pinning
// included) to its last reading: what the machine gave the sampler.
void Sampler::loop() {
  const double cpu_start = thread_cpu_seconds();
  if (!own_cpus_.empty()) {
    try {
      pin_calling_thread(own_cpus_);
    } catch (const std::exception&) {
      // Refused (a cgroup changed): sample unpinned rather than not at all.
    }
  }
  RunSummary summary(sensors_, core_type_of_);
  const auto period = std::chrono::duration<double>(interval_);
  auto next = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  while (true) {
    const bool last = stopping_;
    lock.unlock();
    summary.add(read_sensors(sensors_));
    lock.lock();
    if (last) break;
    next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(period);
    wake_.wait_until(lock, next, [this] { return stopping_; });
  }
  result_ = summary.finish(thread_cpu_seconds() - cpu_start);
}

}  // namespace corebench
