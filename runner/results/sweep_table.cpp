#include "runner/results/sweep_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "runner/results/number_format.h"

namespace corebench {
namespace {

// Higher is faster, whatever the metric: a rate as it is, seconds inverted.
double speed(double value, Direction direction) {
  return direction == Direction::HigherIsBetter ? value : 1.0 / value;
}

}  // namespace

std::vector<SweepRow> sweep_rows(const std::vector<TestResult>& tests) {
  std::vector<SweepRow> rows;
  std::optional<double> best_single;
  for (const auto& test : tests) {
    SweepRow row{test.cpus_spec,         test.cpus,    test.threads, std::nullopt,
                 to_string(test.status), std::nullopt, std::nullopt};
    if (test.status == Status::Ok && test.summary.n > 0) {
      row.value = test.summary.mean;
      if (test.threads == 1) {
        const double single = speed(*row.value, test.direction);
        best_single = std::max(best_single.value_or(single), single);
      }
    }
    rows.push_back(row);
  }
  const auto first_speed = [&]() -> std::optional<double> {
    if (tests.empty() || !rows.front().value) return std::nullopt;
    return speed(*rows.front().value, tests.front().direction);
  }();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].value) continue;
    const double row_speed = speed(*rows[i].value, tests[i].direction);
    if (first_speed) rows[i].multiplier = row_speed / *first_speed;
    if (best_single) rows[i].efficiency = row_speed / rows[i].threads / *best_single;
  }
  return rows;
}

std::string format_sweep(const std::vector<SweepRow>& rows, const std::string& unit) {
  std::string out = fmt::format("{:<16} {:<20} {:>7} {:>14} {:>8} {:>11}\n", "set", "cpus",
                                "threads", unit, "vs first", "per thread");
  for (const auto& row : rows) {
    out += fmt::format("{:<16} {:<20} {:>7} {:>14} {:>8} {:>11}", row.set, row.cpus, row.threads,
                       row.value ? format_value(*row.value) : row.status,
                       row.multiplier ? fmt::format("{:.2f}x", *row.multiplier) : "-",
                       row.efficiency ? fmt::format("{:.0f}%", *row.efficiency * 100) : "-");
    out += "\n";
  }
  return out;
}

}  // namespace corebench
