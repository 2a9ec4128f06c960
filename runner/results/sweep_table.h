// A sweep's results as the table that shows how the workload scales:
// multiplier against the first row, per-thread efficiency against the best
// single thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/results/result.h"

namespace corebench {

struct SweepRow {
  std::string set;   // as given
  std::string cpus;  // resolved
  int threads = 0;
  std::optional<double> value;       // mean, when the test succeeded
  std::string status;                // "ok" or why not
  std::optional<double> multiplier;  // against the first row (> 1 is faster)
  std::optional<double> efficiency;  // rate per thread / best single-thread rate
};

std::vector<SweepRow> sweep_rows(const std::vector<TestResult>& tests);

// The rows as an aligned text table with the unit in the value's header.
std::string format_sweep(const std::vector<SweepRow>& rows, const std::string& unit);

}  // namespace corebench
