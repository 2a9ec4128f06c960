#include <fmt/format.h>

#include <algorithm>

#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

std::string field(const std::string& text) {
  return csv_field(text);
}

std::string number(const std::optional<double>& value) {
  return value ? fmt::format("{:.6g}", *value) : "";
}

// multiplier, low, high, tie: empty where there is none.
std::string multiplier_fields(const std::optional<Multiplier>& m) {
  if (!m) return ",,,";
  if (!m->interval) return number(m->value) + ",,,";
  return fmt::format("{},{},{},{}", number(m->value), number(m->interval->low),
                     number(m->interval->high), m->tie() ? "true" : "false");
}

// Clock and power after the files' groups, so that files without
// telemetry keep the columns they always had: per file the mean MHz of
// each core type, then the performance per energy and its multiplier
// against the first file (power_compare.h).
bool has_power(const Comparison& table) {
  return !table.clock_types.empty() ||
         std::any_of(table.rows.begin(), table.rows.end(),
                     [](const Row& row) { return row.efficiency.has_value(); });
}

void power_header(const Comparison& table, std::ostream& out) {
  for (const auto& column : table.columns) {
    for (const auto& type : table.clock_types) out << "," << field(column + " " + type + " MHz");
    out << "," << field(column + " per energy") << "," << field(column + " per energy multiplier")
        << "," << field(column + " per energy unit");
  }
}

void power_fields(const Comparison& table, const Row& row, std::ostream& out) {
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    for (const auto& type : table.clock_types) {
      const auto& clocks = row.cells[i].telemetry.clocks;
      const auto it = std::find_if(clocks.begin(), clocks.end(),
                                   [&](const ClockReading& c) { return c.core_type == type; });
      out << "," << (it == clocks.end() ? "" : number(it->mean_mhz));
    }
    if (!row.efficiency) {
      out << ",,,";
      continue;
    }
    out << "," << number(row.efficiency->values[i]) << "," << number(row.efficiency->multipliers[i])
        << "," << field(row.efficiency->unit);
  }
}

// Rate mode after those, where some test ran copies: per file the copies
// and each core type's part ("x925=10:1234;a725=10:802.1", copies and
// value).
bool has_copies(const Comparison& table) {
  return std::any_of(table.rows.begin(), table.rows.end(), [](const Row& row) {
    return std::any_of(row.cells.begin(), row.cells.end(),
                       [](const Cell& cell) { return cell.copies > 0; });
  });
}

void copies_header(const Comparison& table, std::ostream& out) {
  for (const auto& column : table.columns)
    out << "," << field(column + " copies") << "," << field(column + " copies by core type");
}

void copies_fields(const Row& row, std::ostream& out) {
  for (const Cell& cell : row.cells) {
    std::string shares;
    for (const TypeShare& share : cell.copies_by_type)
      shares += fmt::format("{}{}={}:{}", shares.empty() ? "" : ";", share.core_type, share.copies,
                            number(share.value));
    out << "," << (cell.copies ? std::to_string(cell.copies) : "") << "," << field(shares);
  }
}

// Machine-readable: raw numbers, one group of columns per file.
class CsvReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    out << "test,unit,higher_is_better,reference";
    const std::string statistic = to_string(table.statistic);
    for (const auto& column : table.columns)
      for (const std::string& what :
           {statistic, std::string("sd"), std::string("n"), std::string("status"),
            std::string("multiplier"), std::string("low"), std::string("high"), std::string("tie"),
            std::string("outliers")})
        out << "," << field(column + " " + what);
    const bool power = has_power(table);
    if (power) power_header(table, out);
    const bool copies = has_copies(table);
    if (copies) copies_header(table, out);
    out << "\n";
    for (const auto& row : table.rows) {
      out << field(row.test) << "," << field(row.unit) << ","
          << (row.direction == Direction::HigherIsBetter ? "true" : "false") << ","
          << number(row.reference);
      for (const auto& cell : row.cells) {
        if (!cell.present) {
          out << ",,,,missing,,,,,";
          continue;
        }
        out << "," << number(cell.value) << "," << number(cell.summary.sd) << "," << cell.summary.n
            << "," << to_string(cell.status) << "," << multiplier_fields(cell.multiplier) << ","
            << cell.outliers.size();
      }
      if (power) power_fields(table, row, out);
      if (copies) copies_fields(row, out);
      out << "\n";
    }
    out << field(fmt::format("geometric mean ({} tests)", table.geomean_tests)) << ",,,";
    for (const auto& g : table.geomean) out << ",,,,," << multiplier_fields(g) << ",";
    out << "\n";
  }
};

}  // namespace

// RFC 4180: quote every field that needs it, double the quotes inside.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return fmt::format("{}\"", quoted);
}

std::unique_ptr<Reporter> make_csv_reporter() {
  return std::make_unique<CsvReporter>();
}

}  // namespace corebench
