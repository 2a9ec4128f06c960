// The one error type the runner reports to users: its message is a single
// line that names the problem; the CLI prints it and exits non-zero.
#pragma once

#include <stdexcept>

namespace corebench {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace corebench
