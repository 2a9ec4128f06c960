#include "runner/results/report/copies_grid.h"
#include "runner/results/report/grid.h"
#include "runner/results/report/power_grid.h"
#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

class MarkdownReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    write_markdown_table(comparison_grid(table), 2, out);
    write_power(table, out);
    const auto copies = copies_grid(table, table.columns);
    if (copies.empty()) return;
    out << "\n";
    write_markdown_table(copies, 2, out);
    out << "\n" << kCopiesLegend << "\n";
  }

 private:
  static void write_power(const Comparison& table, std::ostream& out) {
    const auto power = power_grid(table, table.columns);
    if (power.empty()) return;
    out << "\n";
    write_markdown_table(power, 2, out);
    out << "\n" << power_legend(table) << "\n";
    for (const auto& note : throttle_notes(table, table.columns)) out << "\n- " << note << "\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter() {
  return std::make_unique<MarkdownReporter>();
}

}  // namespace corebench
