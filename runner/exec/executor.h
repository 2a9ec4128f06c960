// The runner's side of one test: start the pinned child, do the warm-up and
// the counted runs the stopping rule asks for, and turn whatever happens
// (answers, wrong answers, crashes, hangs, Ctrl-C) into a TestResult.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "runner/plan/planned_test.h"
#include "runner/results/result.h"
#include "runner/results/stats.h"
#include "workloads/registry.h"

namespace corebench {

struct ExecSettings {
  std::vector<std::string> self_command;  // starts this corebench binary (self_command.h)
  StoppingRule rule;
  bool warmup = true;
  double timeout = 600;  // seconds one step (setup or one run) may take
  // Seconds a child being stopped has between SIGTERM and SIGKILL, and one
  // that closed its message channel has to exit by itself.
  double stop_grace = 3;
  std::uint64_t last_level_cache_bytes = 0;
  std::uint64_t memory_bytes = 0;
  // The sampler (runner/telemetry): off with --no-telemetry. It reads the
  // machine under `sysfs_root` and names clocks by `core_type_of` (CPU ->
  // its core type's name).
  bool telemetry = true;
  std::string sysfs_root = "/";
  std::map<int, std::string> core_type_of;
};

// Called with the result so far after setup and after every run, so the
// caller can save and show it.
using RunCallback = std::function<void(const TestResult&)>;

// A problem of the test (its process cannot start, crashes, hangs) is in
// the result; what `on_progress` throws ends the test (its process killed)
// and comes out of here.
TestResult execute_test(const PlannedTest& test, const ExecSettings& settings,
                        const RunCallback& on_progress);

// The TestResult fields known before anything runs.
TestResult describe_test(const PlannedTest& test);

}  // namespace corebench
