#include "workloads/compile/job_scheduler.h"

#include <sys/wait.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sstream>
#include <system_error>

#include "workloads/compile/process.h"

namespace corebench::compile {
namespace {

constexpr std::size_t kMessageBytes = 4000;

// What the signal handler needs: lock-free atomics only, since it may run
// in any thread at any moment.
std::atomic<int> g_stop_signal{0};
std::array<std::atomic<pid_t>, JobScheduler::kMaxSlots> g_running{};

void kill_running_jobs() {
  for (auto& pid : g_running)
    if (const pid_t p = pid.load(); p > 0) ::kill(p, SIGKILL);
}

extern "C" void on_stop_signal(int signal_number) {
  g_stop_signal.store(signal_number);
  kill_running_jobs();
}

// Catches SIGINT and SIGTERM while jobs run, and gives the previous
// handlers back afterwards.
class StopSignalGuard {
 public:
  StopSignalGuard() {
    g_stop_signal.store(0);
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: waitpid returns EINTR
    ::sigaction(SIGINT, &action, &old_int_);
    ::sigaction(SIGTERM, &action, &old_term_);
  }
  StopSignalGuard(const StopSignalGuard&) = delete;
  StopSignalGuard& operator=(const StopSignalGuard&) = delete;
  ~StopSignalGuard() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

struct Slot {
  pid_t pid = 0;
  std::size_t job = 0;
};

class Run {
 public:
  Run(const std::vector<Job>& jobs, int slots, const std::vector<int>& cpus)
      : jobs_(jobs), slots_(static_cast<std::size_t>(slots)), cpus_(cpus) {}

  std::optional<JobFailure> execute() {
    try {
      loop();
    } catch (...) {
      kill_running_jobs();
      reap_all();
      throw;
    }
    if (const int signal_number = g_stop_signal.load()) throw Interrupted(signal_number);
    return failure_;
  }

 private:
  bool stopping() const { return failure_.has_value() || g_stop_signal.load() != 0; }

  void loop() {
    while (true) {
      while (!stopping() && next_ < jobs_.size() && running_ < slots_.size()) start_next();
      if (stopping()) kill_running_jobs();  // also catches a signal that came mid-start
      if (running_ == 0) return;
      wait_one();
    }
  }

  void start_next() {
    std::size_t slot = 0;
    while (slots_[slot].pid != 0) ++slot;
    const Job& job = jobs_[next_];
    const pid_t pid = start_pinned(job.argv, cpus_[slot % cpus_.size()], job.log_path);
    slots_[slot] = {pid, next_};
    g_running[slot].store(pid);
    ++next_;
    ++running_;
  }

  void wait_one() {
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) return;
      throw std::system_error(errno, std::generic_category(), "waitpid");
    }
    for (std::size_t slot = 0; slot < slots_.size(); ++slot) {
      if (slots_[slot].pid != pid) continue;
      g_running[slot].store(0);
      slots_[slot].pid = 0;
      --running_;
      const std::string problem = describe_wait_status(status);
      if (!problem.empty() && !stopping()) {
        const Job& job = jobs_[slots_[slot].job];
        failure_ = JobFailure{job.label, problem, read_head(job.log_path, kMessageBytes)};
      }
      return;
    }
  }

  void reap_all() {
    for (std::size_t slot = 0; slot < slots_.size(); ++slot) {
      if (slots_[slot].pid == 0) continue;
      int status = 0;
      while (::waitpid(slots_[slot].pid, &status, 0) < 0 && errno == EINTR) {
      }
      g_running[slot].store(0);
      slots_[slot].pid = 0;
    }
    running_ = 0;
  }

  const std::vector<Job>& jobs_;
  std::vector<Slot> slots_;
  const std::vector<int>& cpus_;
  std::size_t next_ = 0;
  std::size_t running_ = 0;
  std::optional<JobFailure> failure_;
};

}  // namespace

std::string JobFailure::message() const {
  std::string text = label + ": " + status;
  if (!output.empty()) text += ":\n" + output;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::string JobFailure::summary() const {
  std::string line;
  std::istringstream lines(output);
  for (std::string candidate; std::getline(lines, candidate);) {
    if (line.empty()) line = candidate;
    if (candidate.find("error") != std::string::npos) {
      line = candidate;
      break;
    }
  }
  return label + ": " + status + (line.empty() ? "" : ": " + line);
}

Interrupted::Interrupted(int number)
    : std::runtime_error(std::string("interrupted by ") + ::strsignal(number)),
      signal_number(number) {}

JobScheduler::JobScheduler(int slots, std::vector<int> cpus)
    : slots_(slots), cpus_(std::move(cpus)) {
  if (slots_ < 1 || slots_ > kMaxSlots)
    throw std::invalid_argument("jobs must be between 1 and " + std::to_string(kMaxSlots));
  if (cpus_.empty()) throw std::invalid_argument("no CPU to run jobs on");
}

std::optional<JobFailure> JobScheduler::run(const std::vector<Job>& jobs) const {
  const StopSignalGuard guard;
  return Run(jobs, slots_, cpus_).execute();
}

}  // namespace corebench::compile
