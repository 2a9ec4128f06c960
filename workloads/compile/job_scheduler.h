// Runs a list of independent commands N at a time, the way `make -j N`
// runs the recipes of a target's prerequisites: each job slot is pinned to
// one CPU of the test's set, a failed job stops the rest, and SIGINT or
// SIGTERM kills every running job before the scheduler returns.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace corebench::compile {

struct Job {
  std::string label;              // what the job works on, for messages
  std::vector<std::string> argv;  // argv[0] is an absolute path
  std::string log_path;           // the job's stdout and stderr
};

struct JobFailure {
  std::string label;
  std::string status;           // "exit status 1"
  std::string output;           // the head of the job's log
  std::string message() const;  // label, status and the whole output head
  std::string summary() const;  // one line: label and the first error line
};

// SIGINT or SIGTERM arrived; every job is killed and reaped by the time
// this is thrown, and the previous signal handlers are back in place.
struct Interrupted : std::runtime_error {
  explicit Interrupted(int signal_number);
  int signal_number;
};

// One run() at a time per process: the signal handler's view of the
// running jobs is process-wide.
class JobScheduler {
 public:
  static constexpr int kMaxSlots = 1024;

  // `slots` jobs at a time, slot i pinned to cpus[i % cpus.size()].
  JobScheduler(int slots, std::vector<int> cpus);

  // Starts the jobs in the given order. Returns the first failure, after
  // killing the jobs still running; nullopt when every job succeeded.
  std::optional<JobFailure> run(const std::vector<Job>& jobs) const;

 private:
  int slots_;
  std::vector<int> cpus_;
};

}  // namespace corebench::compile
