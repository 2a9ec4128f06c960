#include "runner/results/compare.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "runner/common/paths.h"

namespace corebench {
namespace {

bool usable(const TestResult* test) {
  return test && test->status == Status::Ok && !test->samples().empty();
}

Cell make_cell(const TestResult* test, const std::optional<double>& reference) {
  Cell cell;
  if (!test) return cell;
  cell.present = true;
  cell.status = test->status;
  cell.summary = test->summary;
  if (usable(test) && reference)
    cell.multiplier = multiplier(test->summary.mean, *reference, test->direction);
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

}  // namespace

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

Comparison compare(const std::vector<ResultFile>& files, const ResultFile* reference) {
  Comparison table;
  if (reference) {
    table.reference_label = reference->label.empty() ? "reference" : reference->label;
    table.reference_build = describe_build(reference->system.build);
  }
  for (const auto& file : files) {
    table.columns.push_back(file.label);
    table.builds.push_back(describe_build(file.system.build));
  }
  std::vector<std::vector<double>> multipliers(files.size());
  for (const auto& name : test_names_in_order(files)) {
    Row row;
    row.test = name;
    const TestResult* ref = reference ? reference->find(name) : nullptr;
    if (usable(ref)) row.reference = ref->summary.mean;
    bool everywhere = row.reference.has_value();
    for (const auto& file : files) {
      const TestResult* test = file.find(name);
      if (test) {
        row.unit = test->unit;
        row.direction = test->direction;
      }
      row.cells.push_back(make_cell(test, row.reference));
      everywhere = everywhere && row.cells.back().multiplier.has_value();
    }
    if (everywhere) {
      ++table.geomean_tests;
      for (std::size_t i = 0; i < files.size(); ++i)
        multipliers[i].push_back(*row.cells[i].multiplier);
    }
    table.rows.push_back(std::move(row));
  }
  for (const auto& column : multipliers) table.geomean.push_back(geometric_mean(column));
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
