#include "runner/results/report/reporter.h"

#include "runner/common/error.h"

namespace corebench {

std::unique_ptr<Reporter> make_reporter(const std::string& format) {
  if (format == "text") return make_text_reporter();
  if (format == "markdown") return make_markdown_reporter();
  if (format == "csv") return make_csv_reporter();
  if (format == "csv-runs") return make_csv_runs_reporter();
  if (format == "json") return make_json_reporter();
  if (format == "html") return make_html_reporter();
  throw Error("unknown format '" + format + "' (text, markdown, csv, csv-runs, json, html)");
}

}  // namespace corebench
