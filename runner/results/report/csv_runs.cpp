// --format csv-runs: every counted run on a row of its own, for people who
// analyse elsewhere (R, pandas, a spreadsheet).
#include <fmt/format.h>

#include <algorithm>

#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

std::string field(const std::string& text) {
  return csv_field(text);
}

// Per OpenMP thread, the CPUs it was seen on: "0 1" for thread 0 on CPU 0,
// thread 1 on CPU 1; "0-1 1" when thread 0 moved.
std::string cpus_seen(const RunRecord& run) {
  std::string text;
  for (const auto& cpus : run.observed_cpus) text += (text.empty() ? "" : " ") + cpus;
  return text;
}

class CsvRunsReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    out << "file,test,run,value,unit,seconds,cpus_seen,strayed,outlier\n";
    for (const auto& row : table.rows)
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const Cell& cell = row.cells[c];
        for (std::size_t r = 0; r < cell.runs.size(); ++r) {
          const RunRecord& run = cell.runs[r];
          const bool outlier =
              std::find(cell.outliers.begin(), cell.outliers.end(), r) != cell.outliers.end();
          out << fmt::format("{},{},{},{:.9g},{},{:.9g},{},{},{}\n", field(table.columns[c]),
                             field(row.test), r + 1, run.value, field(row.unit), run.seconds,
                             field(cpus_seen(run)), run.strayed, outlier);
        }
      }
  }
};

}  // namespace

std::unique_ptr<Reporter> make_csv_runs_reporter() {
  return std::make_unique<CsvRunsReporter>();
}

}  // namespace corebench
