#include "runner/results/published_compare.h"

#include <algorithm>
#include <set>

#include "runner/common/error.h"

namespace corebench {

std::string to_string(Agreement agreement) {
  switch (agreement) {
    case Agreement::Inside: return "inside";
    case Agreement::Outside: return "outside";
    case Agreement::NoFigure: return "no figure";
    case Agreement::NotMeasured: return "not measured";
  }
  return "";
}

std::optional<PublishedFigure> relative_figure(const PublishedResult& result,
                                               const std::string& machine,
                                               const std::string& base) {
  const auto of_machine = result.figures.find(machine);
  const auto of_base = result.figures.find(base);
  if (of_machine == result.figures.end() || of_base == result.figures.end()) return std::nullopt;
  return PublishedFigure{.low = of_machine->second.low / of_base->second.high,
                         .high = of_machine->second.high / of_base->second.low};
}

Agreement agreement_of(const Multiplier& measured, const PublishedFigure& published) {
  const Interval interval = measured.interval.value_or(Interval{measured.value, measured.value});
  const bool apart = interval.high < published.low || interval.low > published.high;
  return apart ? Agreement::Outside : Agreement::Inside;
}

namespace {

std::size_t base_index(const PublishedReview& review, const std::vector<MachineFile>& files) {
  for (std::size_t i = 0; i < files.size(); ++i)
    if (files[i].machine == review.reference) return i;
  return 0;
}

PublishedCell published_cell(const Cell& cell, const PublishedResult* result,
                             const std::string& machine, const std::string& base) {
  PublishedCell out;
  if (cell.present && cell.status == Status::Ok) out.measured = cell.multiplier;
  if (result) out.published = relative_figure(*result, machine, base);
  if (!out.measured)
    out.agreement = Agreement::NotMeasured;
  else if (!out.published)
    out.agreement = Agreement::NoFigure;
  else
    out.agreement = agreement_of(*out.measured, *out.published);
  return out;
}

}  // namespace

PublishedComparison compare_published(const PublishedReview& review,
                                      const std::vector<MachineFile>& files,
                                      const CompareOptions& options) {
  if (files.size() < 2)
    throw Error("--published: give at least two machines' files (a multiplier needs a base)");
  const std::size_t base = base_index(review, files);
  std::vector<ResultFile> compared;
  PublishedComparison out;
  out.review = review.title;
  out.base = files[base].machine;
  out.base_label = files[base].file.label;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i == base) continue;
    compared.push_back(files[i].file);
    out.machines.push_back(files[i].machine);
    out.labels.push_back(files[i].file.label);
  }
  const Comparison comparison = compare(compared, &files[base].file, options);
  std::set<std::string> measured_results;
  for (const Row& row : comparison.rows) {
    const PublishedResult* result = review.result_of(row.test);
    PublishedRow out_row{.test = row.test, .result = result ? result->name : "", .cells = {}};
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const PublishedCell cell = published_cell(row.cells[c], result, out.machines[c], out.base);
      if (result && cell.agreement != Agreement::NotMeasured) measured_results.insert(result->name);
      out.judged += cell.agreement == Agreement::Inside || cell.agreement == Agreement::Outside;
      out.agreeing += cell.agreement == Agreement::Inside;
      out_row.cells.push_back(cell);
    }
    out.rows.push_back(std::move(out_row));
  }
  for (const PublishedResult& result : review.results)
    if (!measured_results.count(result.name))
      out.unmeasured.emplace_back(result.name,
                                  result.missing.empty() ? "not in these files" : result.missing);
  return out;
}

}  // namespace corebench
