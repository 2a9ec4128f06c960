#include "support/misbehaving_workloads.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace corebench::testing {
namespace {

// ReportCpus runs like Steady and reports the CPUs the runner gave it.
// Flood writes kFloodBytes to stdout and to stderr, then aborts; Orphan
// starts a grandchild in setup that ignores SIGTERM and outlives it, and
// reports its pid; CloseChannel closes the message channel in its first
// run and hangs. SlowSteps runs like Steady with a prepare and a verify
// step of kSlowStep each, ten times its run. WrongOnCpu and CrashOnCpu run
// like Steady except on the CPU kFaultyCpuVariable names (their first
// CPU), where they answer wrongly or abort, and HangOnCpu hangs there: one
// bad copy among good ones.
enum class Behaviour {
  Hang,
  Crash,
  Wrong,
  BrokenSetup,
  Steady,
  ReportCpus,
  Flood,
  Orphan,
  CloseChannel,
  SlowSteps,
  WrongOnCpu,
  CrashOnCpu,
  HangOnCpu
};

// Whether this process's first CPU is the one kFaultyCpuVariable names.
bool on_faulty_cpu(const std::vector<int>& cpus) {
  const char* faulty = std::getenv(kFaultyCpuVariable);
  return faulty && !cpus.empty() && std::to_string(cpus.front()) == faulty;
}

constexpr auto kSlowStep = std::chrono::milliseconds(500);

// The runner's message channel (runner/protocol, which workloads may not
// include).
constexpr int kMessageFd = 3;

void write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

[[noreturn]] void flood_and_abort() {
  const std::string chunk(64 * 1024 - 1, 'x');
  const std::string line = chunk + "\n";
  for (std::size_t done = 0; done < kFloodBytes; done += line.size()) {
    write_all(STDOUT_FILENO, line.data(), line.size());
    write_all(STDERR_FILENO, line.data(), line.size());
  }
  const char last[] = "flood: the last line\n";
  write_all(STDERR_FILENO, last, sizeof(last) - 1);
  std::abort();
}

// A grandchild that only SIGKILL ends, in the test's process group.
pid_t start_orphan() {
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::signal(SIGTERM, SIG_IGN);
    while (true) ::pause();
  }
  return pid;
}

class Misbehaving final : public Workload {
 public:
  explicit Misbehaving(Behaviour behaviour) : behaviour_(behaviour) {}

  void setup(const OptionValues&, const RunConfig& config) override {
    if (behaviour_ == Behaviour::BrokenSetup) throw std::runtime_error("input generator failed");
    if (behaviour_ == Behaviour::Orphan) orphan_ = start_orphan();
    cpus_ = config.cpus;
  }

  void prepare() override {
    if (behaviour_ == Behaviour::SlowSteps) std::this_thread::sleep_for(kSlowStep);
  }

  RunOutput run() override {
    if (behaviour_ == Behaviour::Hang ||
        (behaviour_ == Behaviour::HangOnCpu && on_faulty_cpu(cpus_)))
      while (true) std::this_thread::sleep_for(std::chrono::seconds(1));
    if (behaviour_ == Behaviour::Crash) std::abort();
    if (behaviour_ == Behaviour::CrashOnCpu && on_faulty_cpu(cpus_)) std::abort();
    if (behaviour_ == Behaviour::Flood) flood_and_abort();
    if (behaviour_ == Behaviour::CloseChannel) {
      ::close(kMessageFd);
      while (true) std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    answer_ = 42;
    return {1.0};
  }

  Verdict verify() override {
    if (behaviour_ == Behaviour::SlowSteps) std::this_thread::sleep_for(kSlowStep);
    const bool wrong = behaviour_ == Behaviour::Wrong ||
                       (behaviour_ == Behaviour::WrongOnCpu && on_faulty_cpu(cpus_));
    const bool ok = !wrong && answer_ == 42;
    Verdict verdict{ok, ok ? "answer is 42" : "answer is 41, expected 42", {}};
    if (behaviour_ == Behaviour::ReportCpus)
      for (std::size_t i = 0; i < cpus_.size(); ++i)
        verdict.facts["cpu_" + std::to_string(i)] = cpus_[i];
    if (behaviour_ == Behaviour::Orphan) verdict.facts["grandchild_pid"] = orphan_;
    return verdict;
  }

 private:
  Behaviour behaviour_;
  int answer_ = 0;
  std::vector<int> cpus_;
  pid_t orphan_ = 0;
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
  return {entry("hang", Behaviour::Hang),
          entry("crash", Behaviour::Crash),
          entry("wrong", Behaviour::Wrong),
          entry("broken-setup", Behaviour::BrokenSetup),
          entry("steady", Behaviour::Steady),
          entry("report-cpus", Behaviour::ReportCpus),
          entry("flood", Behaviour::Flood),
          entry("orphan", Behaviour::Orphan),
          entry("close-channel", Behaviour::CloseChannel),
          entry("slow-steps", Behaviour::SlowSteps),
          entry("wrong-on-cpu", Behaviour::WrongOnCpu),
          entry("crash-on-cpu", Behaviour::CrashOnCpu),
          entry("hang-on-cpu", Behaviour::HangOnCpu)};
}

}  // namespace corebench::testing
