// Runs a corebench binary the way a user would, for end-to-end tests.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

namespace corebench::testing {

struct CommandResult {
  int exit_code = -1;  // 128 + signal when killed
  std::string out;
  std::string err;
};

// argv behind the words of COREBENCH_EMULATOR (runner/self_command.h), so
// that a test run under qemu-user can start another binary of its own kind.
std::vector<std::string> with_emulator(const std::vector<std::string>& argv);

// Runs with_emulator(argv); `environment` adds NAME=VALUE entries.
CommandResult run_command(const std::vector<std::string>& argv,
                          const std::vector<std::string>& environment = {});

// Runs argv exactly as given.
CommandResult run_exact(const std::vector<std::string>& argv,
                        const std::vector<std::string>& environment = {});

// with_emulator(argv) started in the background, its output discarded, for
// tests that signal it; `environment` adds NAME=VALUE entries. Killed and
// reaped at destruction if still running.
class BackgroundCommand {
 public:
  explicit BackgroundCommand(const std::vector<std::string>& argv,
                             const std::vector<std::string>& environment = {});
  ~BackgroundCommand();
  BackgroundCommand(const BackgroundCommand&) = delete;
  BackgroundCommand& operator=(const BackgroundCommand&) = delete;

  void signal(int signal_number) const;
  // Waits for it to end: its exit status, 128 + the signal when killed.
  int wait();

 private:
  pid_t pid_ = -1;
  int exit_code_ = -1;
};

// Whether `pid` is a live process (a zombie is not: it has ended, and the
// container's init may never reap it).
bool process_alive(pid_t pid);

// The number of tests in a result file; 0 while it cannot be read.
std::size_t saved_tests(const std::string& result_file);

// Polls `condition` every 50 ms for up to `seconds`; whether it came true.
bool wait_until(const std::function<bool()>& condition, double seconds);

}  // namespace corebench::testing
