// The HTML report: one self-contained page (inline CSS and SVG, nothing
// fetched), laid out like a review's figures: the machines' system table,
// the geometric mean first, then per category one chart per test with a
// bar per machine (the multiplier), its 95 % interval as whiskers and
// every run as a dot; sweeps also as lines of value against threads.
//
// Built to read from 1 to 10 machines and 1 to 60 tests: charts grow a
// row per machine and flow into as many columns as the window holds;
// machines keep one colour throughout, named in the legend.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "runner/results/number_format.h"
#include "runner/results/report/copies_grid.h"
#include "runner/results/report/power_grid.h"
#include "runner/results/report/reporter.h"
#include "runner/results/report/svg_chart.h"
#include "runner/results/report/system_table.h"
#include "runner/results/report/text_layout.h"

namespace corebench {
namespace {

constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:1800px}"
    "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}"
    "table.system{border-collapse:collapse;font-size:13px}"
    "table.system td,table.system th{border:1px solid #ccc;padding:3px 8px;text-align:left;"
    "vertical-align:top;max-width:28em;overflow-wrap:anywhere}"
    "tr.differs th{background:#fde7c8}tr.differs th::after{content:' \\2260'}"
    ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:1em}"
    "figure{margin:0;padding:.5em;border:1px solid #e4e4e4;border-radius:4px}"
    "figcaption{font-size:13px;font-weight:600;overflow-wrap:anywhere}"
    "figcaption small{font-weight:400;color:#555}"
    "svg{width:100%;height:auto}svg text{font-size:11px;fill:#222}"
    "line.axis{stroke:#999}line.tick{stroke:#eee}line.ref{stroke:#000;stroke-dasharray:4 3}"
    "line.whisker{stroke:#222;stroke-width:1.5}circle.run{fill:#222;fill-opacity:.55}"
    "ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}"
    "ul.legend li{font-size:13px}span.swatch{display:inline-block;width:.9em;height:.9em;"
    "margin-right:.3em;vertical-align:middle}p.note{font-size:13px;color:#444}";

std::string escape(const std::string& text) {
  return html_escape(text);
}

void write_legend(const Comparison& table, std::ostream& out) {
  out << "<ul class=\"legend\">";
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    out << fmt::format(
        "<li class=\"machine\" data-machine=\"{0}\"><span class=\"swatch\" "
        "style=\"background:{1}\"></span>{0} <small>({2})</small></li>",
        escape(table.columns[i]), machine_colour(i), escape(table.builds[i]));
  out << "</ul>\n";
}

void write_system_table(const Comparison& table, std::ostream& out) {
  const auto columns = system_columns(table, table.columns);
  out << "<h2>System</h2>\n<table class=\"system\"><tr><th></th>";
  for (const auto& c : columns) out << "<th>" << escape(c) << "</th>";
  out << "</tr>\n";
  for (const auto& row : system_rows(table)) {
    out << (row.differs ? "<tr class=\"differs\">" : "<tr>") << "<th>" << escape(row.fact)
        << "</th>";
    for (const auto& v : row.values) out << "<td>" << escape(v) << "</td>";
    out << "</tr>\n";
  }
  out << "</table>\n<p class=\"note\">Rows marked &#8800; differ between the machines.</p>\n";
}

// The run's multiplier against the reference's statistic, as the test's.
double run_multiplier(double run, double reference, Direction direction) {
  return direction == Direction::HigherIsBetter ? run / reference : reference / run;
}

BarChart test_chart(const Comparison& table, const Row& row) {
  BarChart chart;
  chart.title = row.test;
  const bool multipliers = row.reference.has_value();
  chart.subtitle =
      multipliers
          ? fmt::format("multiplier vs {} ({} {} = 1.00x), higher is better", table.reference_label,
                        format_value(*row.reference), row.unit)
          : fmt::format("{} of the runs, {} ({} is better)", to_string(table.statistic), row.unit,
                        row.direction == Direction::HigherIsBetter ? "higher" : "lower");
  chart.reference_line = multipliers;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const Cell& cell = row.cells[i];
    Bar bar{table.columns[i], i, std::nullopt, std::nullopt, {}, ""};
    if (!cell.present) {
      bar.note = "missing";
    } else if (cell.status != Status::Ok) {
      bar.note = to_string(cell.status);
    } else if (multipliers && cell.multiplier) {
      bar.value = cell.multiplier->value;
      bar.interval = cell.multiplier->interval;
      bar.label = format_marked_multiplier(*cell.multiplier);
      for (const auto& run : cell.runs)
        bar.dots.push_back(run_multiplier(run.value, *row.reference, row.direction));
    } else if (!multipliers) {
      bar.value = cell.value;
      bar.label = format_value(cell.value);
      for (const auto& run : cell.runs) bar.dots.push_back(run.value);
    } else {
      bar.note = "no multiplier";
    }
    chart.bars.push_back(std::move(bar));
    if (cell.present && !cell.busy_at_start.empty())
      chart.notes.push_back(
          fmt::format("{}: busy when it started: {}", table.columns[i], cell.busy_at_start));
  }
  return chart;
}

BarChart geomean_chart(const Comparison& table) {
  BarChart chart;
  chart.title = fmt::format("Geometric mean of {} tests", table.geomean_tests);
  chart.subtitle = fmt::format("multiplier vs {}, 95 % interval; dots: each test's multiplier",
                               table.reference_label);
  chart.reference_line = true;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    Bar bar{table.columns[i], i, std::nullopt, std::nullopt, {}, ""};
    if (const auto& g = table.geomean[i]) {
      bar.value = g->value;
      bar.interval = g->interval;
      bar.label = format_marked_multiplier(*g);
      for (const auto& row : table.rows)
        if (row.cells[i].multiplier) bar.dots.push_back(row.cells[i].multiplier->value);
    } else {
      bar.note = "no common tests";
    }
    chart.bars.push_back(std::move(bar));
  }
  return chart;
}

// "lulesh:size=10 @cpus=0-1 threads=2" -> "lulesh:size=10": the rows of
// one sweep share it.
std::string sweep_key(const std::string& test) {
  return test.substr(0, test.find(" @"));
}

// Groups of two or more rows that differ only in CPU set and threads.
std::map<std::string, std::vector<const Row*>> sweeps(const Comparison& table) {
  std::map<std::string, std::vector<const Row*>> groups;
  for (const auto& row : table.rows)
    if (row.threads > 0) groups[sweep_key(row.test)].push_back(&row);
  std::erase_if(groups, [](const auto& group) { return group.second.size() < 2; });
  return groups;
}

LineChart sweep_chart(const Comparison& table, const std::string& key,
                      const std::vector<const Row*>& rows) {
  LineChart chart;
  chart.title = key + " (sweep)";
  chart.subtitle = fmt::format(
      "{} of the runs, {} against threads, one line per machine and "
      "CPU set",
      to_string(table.statistic), rows.front()->unit);
  std::vector<std::string> sets;
  for (const Row* row : rows)
    if (std::find(sets.begin(), sets.end(), row->cpus_spec) == sets.end())
      sets.push_back(row->cpus_spec);
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    for (std::size_t s = 0; s < sets.size(); ++s) {
      Series series{fmt::format("{} @{}", table.columns[c], sets[s]), c, s, {}};
      for (const Row* row : rows)
        if (row->cpus_spec == sets[s] && row->cells[c].present &&
            row->cells[c].status == Status::Ok)
          series.points.emplace_back(row->threads, row->cells[c].value);
      std::sort(series.points.begin(), series.points.end());
      if (!series.points.empty()) chart.series.push_back(std::move(series));
    }
  return chart;
}

void write_category(const Comparison& table, const std::string& category, std::ostream& out) {
  out << "<h2 class=\"category\">" << escape(category) << "</h2>\n<div class=\"grid\">\n";
  for (const auto& row : table.rows)
    if (row.category == category) out << render_bar_chart(test_chart(table, row), "test") << "\n";
  for (const auto& [key, rows] : sweeps(table))
    if (rows.front()->category == category)
      out << render_line_chart(sweep_chart(table, key, rows)) << "\n";
  out << "</div>\n";
}

std::vector<std::string> categories_in_order(const Comparison& table) {
  std::vector<std::string> categories;
  for (const auto& row : table.rows)
    if (std::find(categories.begin(), categories.end(), row.category) == categories.end())
      categories.push_back(row.category);
  return categories;
}

// A grid of display strings (header first) under a heading, with its legend.
void write_grid_table(const std::vector<std::vector<std::string>>& grid, const char* heading,
                      const std::string& legend, std::ostream& out) {
  out << "<h2>" << heading << "</h2>\n<table class=\"system\">";
  for (std::size_t r = 0; r < grid.size(); ++r) {
    out << "<tr>";
    for (const auto& cell : grid[r])
      out << (r ? "<td>" : "<th>") << escape(cell) << (r ? "</td>" : "</th>");
    out << "</tr>\n";
  }
  out << "</table>\n<p class=\"note\">" << escape(legend) << "</p>\n";
}

// The clock and power table of the text report, where files recorded telemetry.
void write_power_table(const Comparison& table, std::ostream& out) {
  const auto grid = power_grid(table, table.columns);
  if (grid.empty()) return;
  write_grid_table(grid, "Clock and power", power_legend(table), out);
  for (const auto& note : throttle_notes(table, table.columns))
    out << "<p class=\"note\">" << escape(note) << "</p>\n";
}

// Rate mode's breakdown by core type, where a test ran copies.
void write_copies_table(const Comparison& table, std::ostream& out) {
  const auto grid = copies_grid(table, table.columns);
  if (!grid.empty()) write_grid_table(grid, "Copies by core type", kCopiesLegend, out);
}

class HtmlReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
           "<title>corebench comparison</title><style>"
        << kStyle << "</style></head><body>\n<h1>corebench comparison</h1>\n";
    if (!table.reference_label.empty())
      out << "<p class=\"note\">Multipliers against <b>" << escape(table.reference_label)
          << "</b> (1.00x, dashed): above 1.00x is better. Bars: the " << to_string(table.statistic)
          << "; whiskers: its 95 % interval; dots: the runs; &#8776;: a tie (the interval holds "
             "1.00x).</p>\n";
    write_legend(table, out);
    write_system_table(table, out);
    write_power_table(table, out);
    write_copies_table(table, out);
    if (!table.reference_label.empty()) {
      out << "<h2>Summary</h2>\n<div class=\"grid\">\n"
          << render_bar_chart(geomean_chart(table), "geomean") << "\n</div>\n";
    }
    for (const auto& category : categories_in_order(table)) write_category(table, category, out);
    out << "</body></html>\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_html_reporter() {
  return std::make_unique<HtmlReporter>();
}

}  // namespace corebench
