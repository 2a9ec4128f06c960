#include "runner/results/compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "runner/common/error.h"
#include "runner/common/paths.h"

namespace corebench {
namespace {

// Logs need positive values; a zero or negative one (a broken file) leaves
// the test out of the multipliers rather than poisoning the geometric mean.
bool usable(const TestResult* test) {
  if (!test || test->status != Status::Ok) return false;
  const std::vector<double> samples = test->samples();
  return !samples.empty() &&
         std::all_of(samples.begin(), samples.end(), [](double v) { return v > 0; });
}

double statistic_of(const Summary& summary, Statistic statistic) {
  return statistic == Statistic::Mean ? summary.mean : summary.median;
}

std::vector<RunRecord> counted_runs(const TestResult& test) {
  std::vector<RunRecord> runs;
  for (const auto& run : test.runs)
    if (!run.warmup && run.verified) runs.push_back(run);
  return runs;
}

Cell make_cell(const TestResult* test, const TestResult* reference, Statistic statistic,
               std::optional<LogMultiplier>& log) {
  Cell cell;
  if (!test) return cell;
  cell.present = true;
  cell.status = test->status;
  cell.summary = test->summary;
  cell.value = statistic_of(test->summary, statistic);
  cell.runs = counted_runs(*test);
  cell.outliers = outlier_indices(test->samples());
  cell.busy_at_start = busy_note(test->start_load);
  cell.telemetry = test->telemetry;
  if (reference) cell.options_differ = option_differences(test->options, reference->options);
  cell.copies = test->copies.count;
  if (cell.copies) cell.copies_by_type = copies_by_type(cell.runs, test->copies.direction);
  if (usable(test) && usable(reference) && cell.options_differ.empty()) {
    log = log_multiplier(test->samples(), reference->samples(), test->direction, statistic);
    cell.multiplier = to_multiplier(*log);
  }
  return cell;
}

std::vector<std::string> test_names_in_order(const std::vector<ResultFile>& files) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& file : files)
    for (const auto& test : file.tests)
      if (seen.insert(test.name).second) names.push_back(test.name);
  return names;
}

void describe_row(Row& row, const TestResult& test, const CompareOptions& options) {
  row.workload = test.workload;
  row.unit = test.unit;
  row.direction = test.direction;
  row.cpus_spec = test.cpus_spec;
  row.threads = test.threads;
  const auto category = options.categories.find(test.workload);
  row.category = category == options.categories.end() ? "other" : category->second;
}

}  // namespace

std::string option_differences(const std::map<std::string, std::string>& options,
                               const std::map<std::string, std::string>& reference) {
  std::string text;
  for (const auto& [name, value] : options) {
    const auto theirs = reference.find(name);
    if (theirs == reference.end() || theirs->second == value) continue;
    text += fmt::format("{}{}={}, ref {}", text.empty() ? "" : "; ", name, value, theirs->second);
  }
  return text;
}

std::string options_differ_note(const std::string& differences) {
  return fmt::format("not the reference's work, no multiplier: {}", differences);
}

double multiplier(double value, double reference, Direction direction) {
  return direction == Direction::HigherIsBetter ? value / reference : reference / value;
}

std::string describe_build(const BuildInfo& build) {
  if (build.target.empty()) return build.compiler;  // files from before targets were recorded
  return build.compiler.empty() ? build.target : build.target + ", " + build.compiler;
}

std::optional<double> geometric_mean(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  double log_sum = 0;
  for (double v : values) log_sum += std::log(v);
  return std::exp(log_sum / static_cast<double>(values.size()));
}

Statistic statistic_from_string(const std::string& name) {
  if (name == "mean") return Statistic::Mean;
  if (name == "median") return Statistic::Median;
  throw Error("unknown statistic '" + name + "' (mean, median)");
}

std::string to_string(Statistic statistic) {
  return statistic == Statistic::Mean ? "mean" : "median";
}

Comparison compare(const std::vector<ResultFile>& files, const ResultFile* reference,
                   const CompareOptions& options) {
  Comparison table;
  table.statistic = options.statistic;
  if (reference) {
    table.reference_label = reference->label.empty() ? "reference" : reference->label;
    table.reference_build = describe_build(reference->system.build);
    table.reference_system = reference->system;
  }
  for (const auto& file : files) {
    table.columns.push_back(file.label);
    table.builds.push_back(describe_build(file.system.build));
    table.systems.push_back(file.system);
  }
  std::vector<std::vector<LogMultiplier>> multipliers(files.size());
  for (const auto& name : test_names_in_order(files)) {
    Row row;
    row.test = name;
    const TestResult* ref = reference ? reference->find(name) : nullptr;
    if (usable(ref)) row.reference = statistic_of(ref->summary, options.statistic);
    std::vector<LogMultiplier> logs;
    std::vector<const TestResult*> tests;
    bool described = false;
    for (const auto& file : files) {
      const TestResult* test = file.find(name);
      tests.push_back(test);
      if (test && !described) {
        describe_row(row, *test, options);
        described = true;
      }
      std::optional<LogMultiplier> log;
      row.cells.push_back(make_cell(test, ref, options.statistic, log));
      if (log) logs.push_back(std::move(*log));
    }
    row.efficiency = efficiency(tests, ref);
    for (const auto& type : clock_types(tests))
      if (std::find(table.clock_types.begin(), table.clock_types.end(), type) ==
          table.clock_types.end())
        table.clock_types.push_back(type);
    if (logs.size() == files.size()) {
      ++table.geomean_tests;
      for (std::size_t i = 0; i < files.size(); ++i) multipliers[i].push_back(std::move(logs[i]));
    }
    table.rows.push_back(std::move(row));
  }
  for (const auto& column : multipliers) {
    const auto log = log_geometric_mean(column, options.statistic);
    table.geomean.push_back(log ? std::optional<Multiplier>(to_multiplier(*log)) : std::nullopt);
  }
  return table;
}

std::optional<ResultFile> load_reference(const std::string& path) {
  if (!path.empty()) return read_result_file(path);
  const std::filesystem::path dir = reference_dir();
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") paths.push_back(entry.path());
  if (paths.empty()) return std::nullopt;
  std::sort(paths.begin(), paths.end());
  ResultFile merged = read_result_file(paths.front());
  for (std::size_t i = 1; i < paths.size(); ++i)
    for (auto& test : read_result_file(paths[i]).tests)
      if (!merged.find(test.name)) merged.tests.push_back(std::move(test));
  return merged;
}

}  // namespace corebench
