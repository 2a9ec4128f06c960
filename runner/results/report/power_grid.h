// Clock and power of the compared tests as rows of display strings, for
// the formats drawn for people (text, markdown): one row per test and file
// that recorded telemetry, a GHz column per core type.
#pragma once

#include <string>
#include <vector>

#include "runner/results/compare.h"

namespace corebench {

// Header first. Empty when no file recorded telemetry.
std::vector<std::vector<std::string>> power_grid(const Comparison& table,
                                                 const std::vector<std::string>& heads);

// "HEAD test: run 3 throttled (...)", one per throttled run.
std::vector<std::string> throttle_notes(const Comparison& table,
                                        const std::vector<std::string>& heads);

// What the power grid's words mean, for under it: among them what its
// multipliers are against.
std::string power_legend(const Comparison& table);

}  // namespace corebench
