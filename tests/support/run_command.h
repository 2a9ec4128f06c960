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

CommandResult run_command(const std::vector<std::string>& argv);

}  // namespace corebench::testing
