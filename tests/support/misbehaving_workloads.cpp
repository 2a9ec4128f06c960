#include "support/misbehaving_workloads.h"

#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace corebench::testing {
namespace {

// ReportCpus runs like Steady and reports the CPUs the runner gave it.
enum class Behaviour { Hang, Crash, Wrong, BrokenSetup, Steady, ReportCpus };

class Misbehaving final : public Workload {
 public:
  explicit Misbehaving(Behaviour behaviour) : behaviour_(behaviour) {}

  void setup(const OptionValues&, const RunConfig& config) override {
    if (behaviour_ == Behaviour::BrokenSetup) throw std::runtime_error("input generator failed");
    cpus_ = config.cpus;
  }

  RunOutput run() override {
    if (behaviour_ == Behaviour::Hang)
      while (true) std::this_thread::sleep_for(std::chrono::seconds(1));
    if (behaviour_ == Behaviour::Crash) std::abort();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    answer_ = 42;
    return {1.0};
  }

  Verdict verify() override {
    const bool ok = behaviour_ != Behaviour::Wrong && answer_ == 42;
    Verdict verdict{ok, ok ? "answer is 42" : "answer is 41, expected 42", {}};
    if (behaviour_ == Behaviour::ReportCpus)
      for (std::size_t i = 0; i < cpus_.size(); ++i)
        verdict.facts["cpu_" + std::to_string(i)] = cpus_[i];
    return verdict;
  }

 private:
  Behaviour behaviour_;
  int answer_ = 0;
  std::vector<int> cpus_;
};

WorkloadEntry entry(const char* id, Behaviour behaviour) {
  WorkloadInfo info;
  info.id = id;
  info.title = std::string("test workload: ") + id;
  info.category = "test";
  info.unit = "ops/s";
  info.metric = MetricKind::Rate;
  info.verification = "the answer is 42";
  return {info, [behaviour] { return std::make_unique<Misbehaving>(behaviour); }};
}

}  // namespace

std::vector<WorkloadEntry> misbehaving_workloads() {
  return {entry("hang", Behaviour::Hang),     entry("crash", Behaviour::Crash),
          entry("wrong", Behaviour::Wrong),   entry("broken-setup", Behaviour::BrokenSetup),
          entry("steady", Behaviour::Steady), entry("report-cpus", Behaviour::ReportCpus)};
}

}  // namespace corebench::testing
