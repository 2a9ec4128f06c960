// The terminal's table: at most kTextWidth columns for up to three files.
//
// What keeps it narrow: files are columns headed by a short label (long
// ones become "#1" with the label in a legend below), a cell is only the
// multiplier and its interval's half-width ("≈1.02x ±3.1%"), the test name
// wraps onto more lines, more than three files are shown three at a time,
// and what does not fit a cell (outliers, noisy runs, builds) goes to notes
// and the system table below.
#include <fmt/format.h>

#include <algorithm>

#include "runner/results/report/copies_grid.h"
#include "runner/results/report/grid.h"
#include "runner/results/report/power_grid.h"
#include "runner/results/report/reporter.h"
#include "runner/results/report/system_table.h"
#include "runner/results/report/text_layout.h"

namespace corebench {
namespace {

constexpr std::size_t kFilesPerBlock = 3;
constexpr const char* kMissing = "—";

std::string cell_text(const Cell& cell) {
  if (!cell.present) return kMissing;
  if (cell.status != Status::Ok) return to_string(cell.status);
  const bool flagged = cell.summary.noisy() || !cell.outliers.empty() ||
                       !cell.busy_at_start.empty() || !cell.options_differ.empty();
  std::string text;
  if (!cell.multiplier) {
    text = fmt::format("{} ±{:.1f}%", format_value(cell.value), cell.summary.rsd * 100);
  } else {
    text = format_marked_multiplier(*cell.multiplier);
    const std::string spread = format_spread(*cell.multiplier);
    if (!spread.empty()) text = fmt::format("{} {}", text, spread);
  }
  // fmt rather than +: GCC 12 warns falsely (-Wrestrict) on short concatenations.
  return flagged ? fmt::format("{}*", text) : text;
}

std::vector<std::string> header(const Comparison& table, const std::vector<std::string>& heads,
                                std::size_t first, std::size_t last) {
  std::vector<std::string> line = {"test", "unit"};
  if (!table.reference_label.empty()) line.push_back("ref");
  for (std::size_t i = first; i < last; ++i) line.push_back(heads[i]);
  return line;
}

std::vector<std::vector<std::string>> block_grid(const Comparison& table,
                                                 const std::vector<std::string>& heads,
                                                 std::size_t first, std::size_t last) {
  std::vector<std::vector<std::string>> grid = {header(table, heads, first, last)};
  const bool with_reference = !table.reference_label.empty();
  for (const auto& row : table.rows) {
    std::vector<std::string> line = {
        row.test,
        fmt::format("{} {}", row.unit, row.direction == Direction::HigherIsBetter ? "↑" : "↓")};
    if (with_reference) line.push_back(row.reference ? format_value(*row.reference) : kMissing);
    for (std::size_t i = first; i < last; ++i) line.push_back(cell_text(row.cells[i]));
    grid.push_back(std::move(line));
  }
  if (with_reference) {
    std::vector<std::string> line = {fmt::format("geometric mean ({} tests)", table.geomean_tests),
                                     "", "1.00x"};
    for (std::size_t i = first; i < last; ++i) {
      const auto& g = table.geomean[i];
      std::string text = g ? format_marked_multiplier(*g) : kMissing;
      if (g && g->interval) text = fmt::format("{} {}", text, format_spread(*g));
      line.push_back(text);
    }
    grid.push_back(std::move(line));
  }
  return grid;
}

void print_block(const Comparison& table, const std::vector<std::string>& heads, std::size_t first,
                 std::size_t last, std::ostream& out) {
  const auto grid = block_grid(table, heads, first, last);
  TextLayout layout;
  layout.width = kTextWidth;
  layout.wrapping = {0};  // only the test name wraps: numbers never do
  layout.right_aligned_from = 2;
  layout.rules_before = {1};
  if (!table.reference_label.empty()) layout.rules_before.push_back(grid.size() - 1);
  out << layout_grid(grid, layout);
}

// A line of prose within the width, continued with an indent.
void print_wrapped(const std::string& line, std::ostream& out) {
  const auto lines = wrap_text(line, kTextWidth - 2);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string text = lines[i];
    text.erase(text.find_last_not_of(' ') + 1);  // the space it broke after
    out << (i ? "  " : "") << text << "\n";
  }
}

// Outlier runs, noisy tests, tests that started on a busy machine and tests
// that resolved other options than the reference's: kept in the file, named
// here.
void print_notes(const Comparison& table, const std::vector<std::string>& heads,
                 std::ostream& out) {
  std::vector<std::string> notes;
  for (const auto& row : table.rows)
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const Cell& cell = row.cells[i];
      if (!cell.present || cell.status != Status::Ok) continue;
      for (std::size_t run : cell.outliers)
        notes.push_back(fmt::format("{} {}: run {} is an outlier ({}; median {}), kept", heads[i],
                                    row.test, run + 1, format_value(cell.runs[run].value),
                                    format_value(cell.summary.median)));
      if (cell.summary.noisy())
        notes.push_back(
            fmt::format("{} {}: noisy (rsd {:.1f}%)", heads[i], row.test, cell.summary.rsd * 100));
      if (!cell.busy_at_start.empty())
        notes.push_back(
            fmt::format("{} {}: busy when it started: {}", heads[i], row.test, cell.busy_at_start));
      if (!cell.options_differ.empty())
        notes.push_back(
            fmt::format("{} {}: {}", heads[i], row.test, options_differ_note(cell.options_differ)));
    }
  for (auto& note : throttle_notes(table, heads)) notes.push_back(std::move(note));
  if (notes.empty()) return;
  out << "\n";
  for (const auto& note : notes) print_wrapped(fmt::format("* {}", note), out);
}

void print_legend(const Comparison& table, const std::vector<std::string>& heads,
                  std::ostream& out) {
  out << "\n";
  if (!table.reference_label.empty())
    print_wrapped(fmt::format("ref = {}", table.reference_label), out);
  for (std::size_t i = 0; i < heads.size(); ++i)
    if (heads[i] != table.columns[i])
      print_wrapped(fmt::format("{} = {}", heads[i], table.columns[i]), out);
  if (!table.reference_label.empty())
    print_wrapped(fmt::format("Multipliers against ref (above 1.00x is better), {} of the runs; "
                              "±: the 95 % interval as a factor; ≈: a tie (the interval holds "
                              "1.00x); *: see the notes",
                              to_string(table.statistic)),
                  out);
}

// A table after the multipliers (header first; nothing when empty), with
// its legend. `wrapping`: the columns that may wrap; columns from
// `right_aligned_from` on are numbers.
void print_extra_table(const std::vector<std::vector<std::string>>& grid,
                       std::set<std::size_t> wrapping, std::size_t right_aligned_from,
                       const std::string& legend, std::ostream& out) {
  if (grid.empty()) return;
  TextLayout layout;
  layout.width = kTextWidth;
  layout.wrapping = std::move(wrapping);
  layout.right_aligned_from = right_aligned_from;
  layout.rules_before = {1};
  out << "\n" << layout_grid(grid, layout);
  print_wrapped(legend, out);
}

class TextReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    const std::vector<std::string> heads = short_labels(table.columns);
    const std::size_t files = table.columns.size();
    for (std::size_t first = 0; first < files || first == 0; first += kFilesPerBlock) {
      if (first) out << "\n";
      print_block(table, heads, first, std::min(files, first + kFilesPerBlock), out);
      if (files == 0) break;
    }
    // Clock and power: a second table, since a column per core type and
    // file would not fit beside the multipliers; then rate mode's copies
    // by core type (words, not numbers, in its last column).
    print_extra_table(power_grid(table, heads), {0}, 2, power_legend(table), out);
    print_extra_table(copies_grid(table, heads), {0, 3}, 99, kCopiesLegend, out);
    print_notes(table, heads, out);
    print_legend(table, heads, out);
    out << "\n" << text_system_table(table, heads);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter() {
  return std::make_unique<TextReporter>();
}

}  // namespace corebench
