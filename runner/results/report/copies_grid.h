// Rate mode's breakdown as rows of display strings, for the formats drawn
// for people (text, markdown, html): one row per copies test and file, the
// aggregate split by core type.
#pragma once

#include <string>
#include <vector>

#include "runner/results/compare.h"

namespace corebench {

// Header first. Empty when no compared test ran copies.
std::vector<std::vector<std::string>> copies_grid(const Comparison& table,
                                                  const std::vector<std::string>& heads);

// What the grid's figures are, for under it.
inline constexpr const char* kCopiesLegend =
    "Copies: independent processes run at once, one per core or CPU set; their aggregate is the "
    "sum of their rates, or for a timed test runs per hour (copies x 3600 / the slowest copy's "
    "seconds), and each core type's part is the same over its copies alone.";

}  // namespace corebench
