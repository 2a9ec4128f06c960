#include <algorithm>

#include "runner/results/report/grid.h"
#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

// Columns are aligned by characters, not bytes: the table uses ± — ↑.
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

class TextReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    const auto grid = comparison_grid(table);
    std::vector<std::size_t> widths(grid.front().size(), 0);
    for (const auto& row : grid)
      for (std::size_t i = 0; i < row.size(); ++i)
        widths[i] = std::max(widths[i], display_width(row[i]));
    for (std::size_t r = 0; r < grid.size(); ++r) {
      if (r == kGridHeaderRows ||
          (r + 1 == grid.size() && !table.reference_label.empty() && r > kGridHeaderRows))
        rule(widths, out);
      for (std::size_t i = 0; i < grid[r].size(); ++i) {
        const std::string& text = grid[r][i];
        const std::string pad(widths[i] - display_width(text), ' ');
        // Numbers line up on the right, names on the left.
        out << (i < 2 ? text + pad : pad + text) << (i + 1 < grid[r].size() ? "  " : "\n");
      }
    }
  }

 private:
  static void rule(const std::vector<std::size_t>& widths, std::ostream& out) {
    std::size_t total = 0;
    for (std::size_t w : widths) total += w + 2;
    out << std::string(total - 2, '-') << "\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter() {
  return std::make_unique<TextReporter>();
}

}  // namespace corebench
