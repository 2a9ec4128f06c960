// Writers of a comparison table, one per output format.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "runner/results/compare.h"

namespace corebench {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void write(const Comparison& table, std::ostream& out) const = 0;
};

std::unique_ptr<Reporter> make_text_reporter();
std::unique_ptr<Reporter> make_markdown_reporter();
std::unique_ptr<Reporter> make_csv_reporter();
std::unique_ptr<Reporter> make_csv_runs_reporter();  // one row per run
std::unique_ptr<Reporter> make_json_reporter();
std::unique_ptr<Reporter> make_html_reporter();  // a page with bar charts

// A CSV field as RFC 4180 wants it (csv and csv-runs).
std::string csv_field(const std::string& text);

// "text", "markdown", "csv", "csv-runs", "json" or "html"; throws Error for anything else.
std::unique_ptr<Reporter> make_reporter(const std::string& format);

}  // namespace corebench
