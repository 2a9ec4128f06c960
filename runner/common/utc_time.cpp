#include "runner/common/utc_time.h"

#include <ctime>

namespace corebench {

std::string utc_now(const char* strftime_format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[64];
  return std::string(text, std::strftime(text, sizeof(text), strftime_format, &tm));
}

}  // namespace corebench
