// A sweep: one workload over several CPU sets and thread counts, planned as
// one test per row (results/sweep_table.h shows how it scaled).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runner/plan/plan.h"
#include "runner/plan/planned_test.h"
#include "workloads/registry.h"

namespace corebench {

// "0,1,all" -> {"0", "1", "all"}. Commas inside parentheses stay, so a
// list is one set when grouped: "(0-4,10-14),all". Throws Error for an
// empty entry or unbalanced parentheses.
std::vector<std::string> split_sweep_sets(std::string_view text);

// "1,2,4" -> {1, 2, 4}. Throws Error.
std::vector<int> parse_sweep_threads(std::string_view text);

struct SweepPlan {
  std::vector<PlannedTest> tests;  // one per row, in order
  std::vector<std::string> notes;  // rows left out, and why
};

// One row per set and thread count (empty `threads`: one thread per CPU
// of each set). Rows that repeat an earlier row's CPUs and threads, or
// ask for more threads than the set has CPUs, are left out with a note.
// `base` carries the machine; its targets, cpus and threads are ignored.
SweepPlan plan_sweep(const Registry& registry, const std::string& workload,
                     const std::vector<std::string>& sets, const std::vector<int>& threads,
                     const PlanRequest& base);

}  // namespace corebench
