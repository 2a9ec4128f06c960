// How every table and line corebench prints shows a number.
#pragma once

#include <string>

namespace corebench {

// Four significant digits, without an exponent for everyday magnitudes
// (1e-3 to 1e7): "12.35", "69172", "0.001234".
std::string format_value(double value);

// "1.00x".
std::string format_multiplier(double multiplier);

}  // namespace corebench
