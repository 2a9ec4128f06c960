#include "runner/results/number_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace corebench {

std::string format_value(double value) {
  const double magnitude = std::abs(value);
  if (magnitude == 0) return "0";
  if (magnitude >= 1e7 || magnitude < 1e-3) return fmt::format("{:.3e}", value);
  const int digits = std::max(0, 3 - static_cast<int>(std::floor(std::log10(magnitude))));
  return fmt::format("{:.{}f}", value, digits);
}

std::string format_multiplier(double multiplier) {
  return fmt::format("{:.2f}x", multiplier);
}

}  // namespace corebench
