#include <fmt/format.h>

#include <algorithm>

#include "runner/results/report/grid.h"
#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

constexpr int kBarArea = 420;  // pixels for the longest bar
constexpr int kLabelWidth = 220;
constexpr int kRowHeight = 22;

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// One horizontal bar per column, with a line at 1.00x (the reference).
std::string bar_chart(const std::string& title, const std::vector<std::string>& columns,
                      const std::vector<std::optional<double>>& values) {
  double longest = 1.0;
  for (const auto& v : values)
    if (v) longest = std::max(longest, *v);
  const double scale = kBarArea / (longest * 1.1);
  const int height = kRowHeight * static_cast<int>(columns.size()) + 8;
  std::string svg = fmt::format(
      "<figure><figcaption>{}</figcaption><svg width=\"{}\" height=\"{}\" role=\"img\">",
      escape(title), kLabelWidth + kBarArea + 80, height);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const int y = 4 + kRowHeight * static_cast<int>(i);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", kLabelWidth - 6,
                       y + 15, escape(columns[i]));
    if (!values[i]) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\">—</text>", kLabelWidth + 4, y + 15);
      continue;
    }
    const int width = std::max(1, static_cast<int>(*values[i] * scale));
    svg += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\">{}</text>",
        kLabelWidth, y + 2, width, kRowHeight - 6, *values[i] >= 1 ? "better" : "worse",
        kLabelWidth + width + 4, y + 15, format_multiplier(*values[i]));
  }
  const int one = kLabelWidth + static_cast<int>(scale);
  svg +=
      fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"0\" y2=\"{1}\" class=\"ref\"/></svg></figure>",
                  one, height);
  return svg;
}

class HtmlReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<title>corebench comparison</title><style>"
           "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:4px 8px}td:nth-child(n+3){text-align:right}"
           "svg text{font-size:12px}rect.better{fill:#3a7}rect.worse{fill:#c64}"
           "line.ref{stroke:#000;stroke-dasharray:3}</style></head><body>\n"
        << "<h1>corebench comparison</h1>\n";
    if (!table.reference_label.empty())
      out << "<p>Multipliers against <b>" << escape(table.reference_label)
          << "</b>: above 1.00x is better.</p>\n";
    out << "<table>\n";
    const auto grid = comparison_grid(table);
    for (std::size_t r = 0; r < grid.size(); ++r) {
      out << "<tr>";
      for (const auto& cell : grid[r])
        out << (r ? "<td>" : "<th>") << escape(cell) << (r ? "</td>" : "</th>");
      out << "</tr>\n";
    }
    out << "</table>\n";
    if (!table.reference_label.empty()) {
      out << bar_chart(fmt::format("Geometric mean ({} tests)", table.geomean_tests), table.columns,
                       table.geomean);
      for (const auto& row : table.rows) {
        std::vector<std::optional<double>> values;
        for (const auto& cell : row.cells) values.push_back(cell.multiplier);
        out << bar_chart(row.test, table.columns, values) << "\n";
      }
    }
    out << "</body></html>\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_html_reporter() {
  return std::make_unique<HtmlReporter>();
}

}  // namespace corebench
