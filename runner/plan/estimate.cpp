#include "runner/plan/estimate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "runner/results/number_format.h"
#include "runner/results/stats.h"

namespace corebench {
namespace {

std::optional<double> median_run_seconds(const TestResult& test) {
  if (test.status != Status::Ok) return std::nullopt;
  std::vector<double> seconds;
  for (const RunRecord& run : test.runs)
    if (!run.warmup) seconds.push_back(run.seconds);
  if (seconds.empty()) return std::nullopt;
  return summarize(seconds).median;
}

// `test`'s options as this build's workload reads them; nullopt when they
// no longer resolve (a file of an older build).
std::optional<OptionValues> options_of(const WorkloadInfo& info, const TestResult& test) {
  try {
    return resolve_options(info, test.options);
  } catch (const OptionError&) {
    return std::nullopt;
  }
}

bool same_except_size(const OptionValues& a, const OptionValues& b, const WorkScale& scale) {
  for (const auto& [name, value] : a.all()) {
    const bool sizes =
        std::find(scale.options.begin(), scale.options.end(), name) != scale.options.end();
    if (!sizes && b.text(name) != value) return false;
  }
  return true;
}

TimeEstimate scaled(const WorkloadInfo& info, const OptionValues& options,
                    const ResultFile& reference) {
  const WorkScale& scale = *info.work_scale;
  const std::optional<double> work = scale.of(options);
  if (!work) return {.run_seconds = std::nullopt, .basis = "its size is the machine's (auto)"};
  TimeEstimate best{.run_seconds = std::nullopt,
                    .basis = "the reference has no test of this kind to scale"};
  double best_distance = INFINITY;
  for (const TestResult& test : reference.tests) {
    if (test.workload != info.id) continue;
    const std::optional<OptionValues> theirs = options_of(info, test);
    if (!theirs || !same_except_size(options, *theirs, scale)) continue;
    const std::optional<double> their_work = scale.of(*theirs);
    const std::optional<double> seconds = median_run_seconds(test);
    if (!their_work || !seconds || !(*their_work > 0)) continue;
    const double factor = *work / *their_work;
    if (std::abs(std::log(factor)) >= best_distance) continue;
    best_distance = std::abs(std::log(factor));
    best = {.run_seconds = *seconds * factor,
            .basis = fmt::format("{} x{}", test.name, format_value(factor))};
  }
  return best;
}

}  // namespace

TimeEstimate estimate_run(const WorkloadInfo& info, const OptionValues& options,
                          const std::string& name, const ResultFile* reference) {
  if (!reference) return {.run_seconds = std::nullopt, .basis = "no reference results"};
  if (const TestResult* same = reference->find(name))
    if (const std::optional<double> seconds = median_run_seconds(*same))
      return {.run_seconds = seconds, .basis = "the same test"};
  if (!info.work_scale)
    return {.run_seconds = std::nullopt, .basis = "the reference lacks this test"};
  return scaled(info, options, *reference);
}

int least_runs(std::optional<int> runs, bool warmup) {
  return (warmup ? 1 : 0) + runs.value_or(StoppingRule{}.min_runs);
}

std::string format_duration(double seconds) {
  if (seconds < 90) return fmt::format("{:.0f} s", std::max(seconds, 1.0));
  if (seconds < 5400) return fmt::format("{:.1f} min", seconds / 60);
  return fmt::format("{:.1f} h", seconds / 3600);
}

}  // namespace corebench
