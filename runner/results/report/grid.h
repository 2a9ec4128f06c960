// The comparison as rows of display strings, shared by the formats that
// draw a table for people (text, markdown).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "runner/results/compare.h"
#include "runner/results/number_format.h"

namespace corebench {

// Header rows first (labels, then what each was built for and with), then
// one row per test, then the geometric-mean row.
// A missing test shows "—", a failed one its status.
std::vector<std::vector<std::string>> comparison_grid(const Comparison& table);
constexpr std::size_t kGridHeaderRows = 2;

// "≈1.02x (0.99–1.05x)": the multiplier, its tie mark and its interval.
std::string multiplier_text(const Multiplier& m);

// A grid as a Markdown table: row 0 the header, the first `left_columns`
// left-aligned and the others right-aligned.
void write_markdown_table(const std::vector<std::vector<std::string>>& grid,
                          std::size_t left_columns, std::ostream& out);

}  // namespace corebench
