// The comparison as rows of display strings, shared by the formats that
// draw a table for people (text, markdown).
#pragma once

#include <string>
#include <vector>

#include "runner/compare.h"

namespace corebench {

// A value with 4 significant digits, no exponent for everyday magnitudes.
std::string format_value(double value);
std::string format_multiplier(double multiplier);  // "1.00x"

// Header rows first (labels, then what each was built for and with), then
// one row per test, then the geometric-mean row.
// A missing test shows "—", a failed one its status.
std::vector<std::vector<std::string>> comparison_grid(const Comparison& table);
constexpr std::size_t kGridHeaderRows = 2;

}  // namespace corebench
