#include <fmt/format.h>

#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

// RFC 4180: quote every field that needs it, double the quotes inside.
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string number(const std::optional<double>& value) {
  return value ? fmt::format("{:.6g}", *value) : "";
}

// Machine-readable: raw numbers, one group of columns per file.
class CsvReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    out << "test,unit,higher_is_better,reference";
    for (const auto& column : table.columns)
      for (const char* what : {"mean", "sd", "n", "status", "multiplier"})
        out << "," << field(column + " " + what);
    out << "\n";
    for (const auto& row : table.rows) {
      out << field(row.test) << "," << field(row.unit) << ","
          << (row.direction == Direction::HigherIsBetter ? "true" : "false") << ","
          << number(row.reference);
      for (const auto& cell : row.cells) {
        if (!cell.present) {
          out << ",,,,missing,";
          continue;
        }
        out << "," << number(cell.summary.mean) << "," << number(cell.summary.sd) << ","
            << cell.summary.n << "," << to_string(cell.status) << "," << number(cell.multiplier);
      }
      out << "\n";
    }
    out << field(fmt::format("geometric mean ({} tests)", table.geomean_tests)) << ",,,";
    for (const auto& g : table.geomean) out << ",,,,," << number(g);
    out << "\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter() {
  return std::make_unique<CsvReporter>();
}

}  // namespace corebench
