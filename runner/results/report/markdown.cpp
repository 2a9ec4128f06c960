#include "runner/results/report/grid.h"
#include "runner/results/report/power_grid.h"
#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

std::string escape_cell(const std::string& text) {
  std::string escaped;
  for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  return escaped;
}

class MarkdownReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    write_table(comparison_grid(table), out);
    const auto power = power_grid(table, table.columns);
    if (power.empty()) return;
    out << "\n";
    write_table(power, out);
    out << "\n" << power_legend(table) << "\n";
    for (const auto& note : throttle_notes(table, table.columns)) out << "\n- " << note << "\n";
  }

 private:
  static void write_table(const std::vector<std::vector<std::string>>& grid, std::ostream& out) {
    for (std::size_t r = 0; r < grid.size(); ++r) {
      out << "|";
      for (const auto& cell : grid[r]) out << " " << escape_cell(cell) << " |";
      out << "\n";
      if (r == 0) {
        out << "|";
        for (std::size_t i = 0; i < grid[r].size(); ++i) out << (i < 2 ? " --- |" : " ---: |");
        out << "\n";
      }
    }
  }
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter() {
  return std::make_unique<MarkdownReporter>();
}

}  // namespace corebench
