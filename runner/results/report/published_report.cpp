#include "runner/results/report/published_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "runner/common/error.h"
#include "runner/results/number_format.h"
#include "runner/results/report/grid.h"
#include "runner/results/report/reporter.h"
#include "runner/results/report/text_layout.h"

namespace corebench {

std::string format_figure(const PublishedFigure& figure) {
  if (figure.low == figure.high) return format_multiplier(figure.low);
  return fmt::format("{:.2f}–{:.2f}x", figure.low, figure.high);
}

std::string agreement_summary(const PublishedComparison& table) {
  return fmt::format("agrees on {} of {} tests{}", table.agreeing, table.judged,
                     table.machines.size() > 1 ? " (each machine counted)" : "");
}

namespace {

constexpr const char* kNone = "—";

std::string machine_heading(const std::string& machine, const std::string& label) {
  return label.empty() || label == machine ? machine : fmt::format("{} ({})", machine, label);
}

// One row per test and compared machine; the test named on its first.
std::vector<std::vector<std::string>> published_grid(const PublishedComparison& table) {
  std::vector<std::vector<std::string>> grid = {
      {"test", "published as", "machine", "measured", "published", "agreement"}};
  for (const PublishedRow& row : table.rows)
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const PublishedCell& cell = row.cells[c];
      grid.push_back(
          {c == 0 ? row.test : "", c == 0 ? (row.result.empty() ? kNone : row.result) : "",
           table.machines[c], cell.measured ? multiplier_text(*cell.measured) : kNone,
           cell.published ? format_figure(*cell.published) : kNone, to_string(cell.agreement)});
    }
  return grid;
}

std::string heading(const PublishedComparison& table) {
  return fmt::format(
      "Published: {}\n"
      "Multipliers against {}, the published ones turned relative to {} too.\n"
      "outside: the measured 95 % interval misses the published value or range.\n",
      table.review, machine_heading(table.base, table.base_label), table.base);
}

std::vector<std::string> footer(const PublishedComparison& table) {
  std::vector<std::string> lines = {agreement_summary(table)};
  for (const auto& [result, why] : table.unmeasured)
    lines.push_back(fmt::format("not measured: {} ({})", result, why));
  return lines;
}

class TextPublished final : public PublishedReporter {
 public:
  void write(const PublishedComparison& table, std::ostream& out) const override {
    out << heading(table) << "\n";
    out << layout_grid(
        published_grid(table),
        {.width = kTextWidth, .wrapping = {0, 1}, .right_aligned_from = 99, .rules_before = {1}});
    out << "\n";
    for (const std::string& line : footer(table)) out << line << "\n";
  }
};

class MarkdownPublished final : public PublishedReporter {
 public:
  void write(const PublishedComparison& table, std::ostream& out) const override {
    out << heading(table) << "\n";
    write_markdown_table(published_grid(table), 3, out);
    out << "\n";
    for (const std::string& line : footer(table)) out << "- " << line << "\n";
  }
};

class CsvPublished final : public PublishedReporter {
 public:
  void write(const PublishedComparison& table, std::ostream& out) const override {
    out << "test,published_as,machine,base,measured,measured_low,measured_high,published_low,"
           "published_high,agreement\n";
    for (const PublishedRow& row : table.rows)
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const PublishedCell& cell = row.cells[c];
        const auto number = [](bool present, double value) {
          return present ? fmt::format("{:.6g}", value) : std::string();
        };
        const bool interval = cell.measured && cell.measured->interval;
        out << fmt::format(
            "{},{},{},{},{},{},{},{},{},{}\n", csv_field(row.test), csv_field(row.result),
            csv_field(table.machines[c]), csv_field(table.base),
            number(cell.measured.has_value(), cell.measured ? cell.measured->value : 0),
            number(interval, interval ? cell.measured->interval->low : 0),
            number(interval, interval ? cell.measured->interval->high : 0),
            number(cell.published.has_value(), cell.published ? cell.published->low : 0),
            number(cell.published.has_value(), cell.published ? cell.published->high : 0),
            to_string(cell.agreement));
      }
  }
};

nlohmann::json cell_json(const PublishedCell& cell, const std::string& machine) {
  nlohmann::json j = {{"machine", machine},
                      {"measured", nullptr},
                      {"published", nullptr},
                      {"agreement", to_string(cell.agreement)}};
  if (cell.measured) {
    j["measured"] = {{"value", cell.measured->value}, {"interval", nullptr}};
    if (cell.measured->interval)
      j["measured"]["interval"] = {cell.measured->interval->low, cell.measured->interval->high};
  }
  if (cell.published) j["published"] = {cell.published->low, cell.published->high};
  return j;
}

class JsonPublished final : public PublishedReporter {
 public:
  void write(const PublishedComparison& table, std::ostream& out) const override {
    nlohmann::json rows = nlohmann::json::array();
    for (const PublishedRow& row : table.rows) {
      nlohmann::json cells = nlohmann::json::array();
      for (std::size_t c = 0; c < row.cells.size(); ++c)
        cells.push_back(cell_json(row.cells[c], table.machines[c]));
      rows.push_back(
          {{"test", row.test},
           {"published_as", row.result.empty() ? nlohmann::json() : nlohmann::json(row.result)},
           {"cells", cells}});
    }
    nlohmann::json unmeasured = nlohmann::json::array();
    for (const auto& [result, why] : table.unmeasured)
      unmeasured.push_back({{"result", result}, {"why", why}});
    out << nlohmann::json{{"review", table.review},
                          {"base", {{"machine", table.base}, {"label", table.base_label}}},
                          {"machines", table.machines},
                          {"labels", table.labels},
                          {"rows", rows},
                          {"agreeing", table.agreeing},
                          {"judged", table.judged},
                          {"unmeasured", unmeasured}}
               .dump(2)
        << "\n";
  }
};

}  // namespace

std::unique_ptr<PublishedReporter> make_published_reporter(const std::string& format) {
  if (format == "text") return std::make_unique<TextPublished>();
  if (format == "markdown") return std::make_unique<MarkdownPublished>();
  if (format == "csv") return std::make_unique<CsvPublished>();
  if (format == "json") return std::make_unique<JsonPublished>();
  throw Error(
      fmt::format("--published: --format {} is not offered (text, markdown, csv, json)", format));
}

}  // namespace corebench
