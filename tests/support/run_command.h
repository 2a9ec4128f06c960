// Runs a corebench binary the way a user would, for end-to-end tests.
#pragma once

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

// Runs with_emulator(argv).
CommandResult run_command(const std::vector<std::string>& argv);

// Runs argv exactly as given.
CommandResult run_exact(const std::vector<std::string>& argv);

}  // namespace corebench::testing
