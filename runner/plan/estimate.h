// How long planned tests will take, from the reference machine's run times:
// the same test's, else a test of the same workload scaled by the work the
// two do (WorkloadInfo::work_scale). An estimate of the reference machine's
// time, which is what a user sizing a session needs to know first.
#pragma once

#include <optional>
#include <string>

#include "runner/results/result.h"
#include "workloads/workload.h"

namespace corebench {

struct TimeEstimate {
  std::optional<double> run_seconds;  // one run; nullopt: unknown
  // What it comes from: "the same test", "c-ray:rays=8,resolution=160x90 x288"; or why unknown.
  std::string basis;
};

// `options` resolved, `name` the test's TestSpec::name(); `reference` may be null.
TimeEstimate estimate_run(const WorkloadInfo& info, const OptionValues& options,
                          const std::string& name, const ResultFile* reference);

// The runs a test gets at least: the warm-up, then --runs or the stopping
// rule's minimum.
int least_runs(std::optional<int> runs, bool warmup);

// "40 s", "3.5 min", "2.1 h".
std::string format_duration(double seconds);

}  // namespace corebench
