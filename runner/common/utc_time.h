// The current time in UTC, as strftime formats it: result files' "created"
// and their default names.
#pragma once

#include <string>

namespace corebench {

std::string utc_now(const char* strftime_format);

}  // namespace corebench
