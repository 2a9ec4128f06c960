// How every table and line corebench prints shows a number.
#pragma once

#include <string>

#include "runner/results/uncertainty.h"

namespace corebench {

// Four significant digits, without an exponent for everyday magnitudes
// (1e-3 to 1e7): "12.35", "69172", "0.001234".
std::string format_value(double value);

// "1.00x".
std::string format_multiplier(double multiplier);

// What marks a tie: a multiplier whose interval contains 1.00x.
inline constexpr const char* kTieMark = "≈";

// "≈1.02x" for a tie, "1.50x" otherwise.
std::string format_marked_multiplier(const Multiplier& m);

// The interval as a relative half-width: "±4.2%", "±12%". Intervals on the
// log scale are symmetric as factors (x1.042 and /1.042); a bootstrap's need
// not be, and then the wider side is shown. "" without an interval.
std::string format_spread(const Multiplier& m);

// "1.41-1.60x" (with an en dash); "" without an interval.
std::string format_interval(const Multiplier& m);

}  // namespace corebench
