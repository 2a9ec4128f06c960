#include "runner/results/report/grid.h"
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
    const auto grid = comparison_grid(table);
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
