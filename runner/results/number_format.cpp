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

std::string format_marked_multiplier(const Multiplier& m) {
  return (m.tie() ? std::string(kTieMark) : std::string()) + format_multiplier(m.value);
}

std::string format_spread(const Multiplier& m) {
  if (!m.interval) return "";
  const double factor = std::max(m.value / m.interval->low, m.interval->high / m.value);
  const double percent = (factor - 1) * 100;
  return percent < 9.95 ? fmt::format("±{:.1f}%", percent) : fmt::format("±{:.0f}%", percent);
}

std::string format_interval(const Multiplier& m) {
  if (!m.interval) return "";
  return fmt::format("{:.2f}–{:.2f}x", m.interval->low, m.interval->high);
}

}  // namespace corebench
