// A test ready to run: what planning hands to execution.
#pragma once

#include <string>
#include <vector>

#include "runner/machine/cpuset.h"
#include "runner/plan/copies_plan.h"
#include "runner/plan/test_spec.h"
#include "workloads/registry.h"

namespace corebench {

struct PlannedTest {
  TestSpec spec;
  const WorkloadEntry* entry = nullptr;
  OptionValues options;   // spec.options checked, defaults filled in
  std::string cpus_spec;  // the expression `cpus` came from
  CpuSet cpus;
  int threads = 1;
  // The placement: OpenMP thread i is bound to planned_cpus[i % size]. What
  // the threads were then seen on is each run's RunRecord::observed_cpus.
  std::vector<int> planned_cpus;
  std::string placement;  // its name, for the result
  std::string schedule;   // OpenMP schedule for schedule(runtime) loops
  // Rate mode: one process per copy, `threads` each; `cpus` is then theirs
  // together. Empty: one process on `cpus`.
  std::vector<CopyPlan> copies;
};

}  // namespace corebench
