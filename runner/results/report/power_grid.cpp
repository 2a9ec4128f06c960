#include "runner/results/report/power_grid.h"

#include <fmt/format.h>

#include <algorithm>

#include "runner/results/number_format.h"

namespace corebench {
namespace {

constexpr const char* kAbsent = "n/a";

std::string hottest(const TestTelemetry& t) {
  if (t.temperatures.empty()) return kAbsent;
  const auto it = std::max_element(t.temperatures.begin(), t.temperatures.end(),
                                   [](const TemperatureReading& a, const TemperatureReading& b) {
                                     return a.max_celsius < b.max_celsius;
                                   });
  return fmt::format("{:.0f}", it->max_celsius);
}

// The watts of the kind performance per watt uses, else of the first kind
// the cell has, named.
std::string watts(const TestTelemetry& t, const std::optional<Efficiency>& efficiency) {
  const auto shown = [&](const std::string& kind) -> std::string {
    const auto w = watts_of_kind(t.energy, kind);
    return w ? fmt::format("{} {}", format_value(*w), kind) : "";
  };
  if (efficiency) return shown(efficiency->kind);
  for (const auto& kind : kEfficiencyKinds)
    if (const std::string text = shown(kind); !text.empty()) return text;
  return kAbsent;
}

std::vector<std::string> grid_row(const Row& row, std::size_t column, const std::string& head,
                                  const std::vector<std::string>& types) {
  const Cell& cell = row.cells[column];
  std::vector<std::string> line = {row.test, head};
  for (const auto& type : types) {
    const auto it = std::find_if(cell.telemetry.clocks.begin(), cell.telemetry.clocks.end(),
                                 [&](const ClockReading& c) { return c.core_type == type; });
    line.push_back(it == cell.telemetry.clocks.end() ? kAbsent
                                                     : fmt::format("{:.2f}", it->mean_mhz / 1000));
  }
  line.push_back(hottest(cell.telemetry));
  line.push_back(watts(cell.telemetry, row.efficiency));
  if (row.efficiency) {
    line.push_back(
        fmt::format("{} {}", format_value(row.efficiency->values[column]), row.efficiency->unit));
    line.push_back(format_multiplier(row.efficiency->multipliers[column]));
  } else {
    line.insert(line.end(), {kAbsent, kAbsent});
  }
  return line;
}

}  // namespace

std::vector<std::vector<std::string>> power_grid(const Comparison& table,
                                                 const std::vector<std::string>& heads) {
  std::vector<std::vector<std::string>> grid;
  for (const auto& row : table.rows)
    for (std::size_t i = 0; i < row.cells.size(); ++i)
      if (row.cells[i].present && row.cells[i].telemetry.runs > 0)
        grid.push_back(grid_row(row, i, heads[i], table.clock_types));
  if (grid.empty()) return grid;
  std::vector<std::string> header = {"test", "file"};
  for (const auto& type : table.clock_types) header.push_back(type + " GHz");
  header.insert(header.end(), {"max °C", "W", "per energy", "×"});
  grid.insert(grid.begin(), header);
  return grid;
}

std::vector<std::string> throttle_notes(const Comparison& table,
                                        const std::vector<std::string>& heads) {
  std::vector<std::string> notes;
  for (const auto& row : table.rows)
    for (std::size_t i = 0; i < row.cells.size(); ++i)
      for (const int run : row.cells[i].telemetry.throttled_runs)
        notes.push_back(fmt::format(
            "{} {}: run {} throttled (its clock more than {:.0f} % below the test's median)",
            heads[i], row.test, run, kThrottledFraction * 100));
  return notes;
}

// The reference where its file has energy of the row's kind, else the
// first file: said once when all rows agree, else per case.
std::string multiplier_basis(const Comparison& table) {
  std::size_t against_reference = 0, rows = 0;
  for (const auto& row : table.rows) {
    if (!row.efficiency) continue;
    ++rows;
    if (row.efficiency->reference) ++against_reference;
  }
  const std::string reference = fmt::format("the reference ({})", table.reference_label);
  if (rows > 0 && against_reference == rows) return reference;
  if (against_reference == 0) return "the first file (the reference has no energy readings)";
  return reference + " where it has energy of that kind, else the first file";
}

std::string power_legend(const Comparison& table) {
  return fmt::format(
      "GHz: the mean clock of the test's CPUs of each core type; max °C: the hottest sensor; "
      "W: mean power of the domain kind named; per energy: the score per watt, or runs per "
      "kJ for timed tests, where every file has energy of that kind, × against {}; n/a: not "
      "available",
      multiplier_basis(table));
}

}  // namespace corebench
