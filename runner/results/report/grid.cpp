#include "runner/results/report/grid.h"

#include <fmt/format.h>

#include <cmath>

namespace corebench {
namespace {

constexpr const char* kMissing = "—";

std::string cell_text(const Cell& cell) {
  if (!cell.present) return kMissing;
  if (cell.status != Status::Ok) return to_string(cell.status);
  std::string text =
      fmt::format("{} ± {}", format_value(cell.value), format_value(cell.summary.sd));
  if (cell.summary.noisy()) text += " (noisy)";
  if (!cell.outliers.empty()) text += fmt::format(" ({} outliers)", cell.outliers.size());
  if (!cell.busy_at_start.empty()) text += " (busy at start: " + cell.busy_at_start + ")";
  if (!cell.options_differ.empty()) text += " (" + options_differ_note(cell.options_differ) + ")";
  if (cell.multiplier) text += "  " + multiplier_text(*cell.multiplier);
  return text;
}

std::string escape_markdown(const std::string& text) {
  std::string escaped;
  for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  return escaped;
}

}  // namespace

void write_markdown_table(const std::vector<std::vector<std::string>>& grid,
                          std::size_t left_columns, std::ostream& out) {
  for (std::size_t r = 0; r < grid.size(); ++r) {
    out << "|";
    for (const auto& cell : grid[r]) out << " " << escape_markdown(cell) << " |";
    out << "\n";
    if (r == 0) {
      out << "|";
      for (std::size_t i = 0; i < grid[r].size(); ++i)
        out << (i < left_columns ? " --- |" : " ---: |");
      out << "\n";
    }
  }
}

std::string multiplier_text(const Multiplier& m) {
  const std::string interval = format_interval(m);
  return format_marked_multiplier(m) + (interval.empty() ? "" : " (" + interval + ")");
}

std::vector<std::vector<std::string>> comparison_grid(const Comparison& table) {
  std::vector<std::vector<std::string>> grid;
  std::vector<std::string> header = {"test", "unit"};
  if (!table.reference_label.empty()) header.push_back("reference: " + table.reference_label);
  for (const auto& column : table.columns) header.push_back(column);
  grid.push_back(header);
  std::vector<std::string> build = {"build", ""};
  if (!table.reference_label.empty())
    build.push_back(table.reference_build.empty() ? kMissing : table.reference_build);
  for (const auto& b : table.builds) build.push_back(b.empty() ? kMissing : b);
  grid.push_back(std::move(build));
  for (const auto& row : table.rows) {
    std::vector<std::string> line = {
        row.test, row.unit + (row.direction == Direction::HigherIsBetter ? " ↑" : " ↓")};
    if (!table.reference_label.empty())
      line.push_back(row.reference ? format_value(*row.reference) : kMissing);
    for (const auto& cell : row.cells) line.push_back(cell_text(cell));
    grid.push_back(std::move(line));
  }
  if (!table.reference_label.empty()) {
    std::vector<std::string> line = {fmt::format("geometric mean ({} tests)", table.geomean_tests),
                                     "", "1.00x"};
    for (const auto& g : table.geomean) line.push_back(g ? multiplier_text(*g) : kMissing);
    grid.push_back(std::move(line));
  }
  return grid;
}

}  // namespace corebench
