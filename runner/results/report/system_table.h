// The machines side by side: one row per recorded fact, one column per
// file (the reference first), rows whose values differ marked. Text and
// HTML both show it.
#pragma once

#include <string>
#include <vector>

#include "runner/results/compare.h"

namespace corebench {

struct SystemRow {
  std::string fact;
  std::vector<std::string> values;  // "unknown" where a file did not record it
  bool differs = false;
};

// The column heads: "ref" (when there is a reference) and then `heads`.
std::vector<std::string> system_columns(const Comparison& table,
                                        const std::vector<std::string>& heads);
std::vector<SystemRow> system_rows(const Comparison& table);

// What marks a differing row.
inline constexpr const char* kDiffersMark = "≠";

std::string text_system_table(const Comparison& table, const std::vector<std::string>& heads);

}  // namespace corebench
