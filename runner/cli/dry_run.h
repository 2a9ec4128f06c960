// `run --dry-run`: the planned tests with their CPU sets, threads and
// estimated times; nothing runs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/plan/planned_test.h"
#include "runner/results/result.h"

namespace corebench {

struct DryRunSettings {
  std::string profile;      // the machine profile's name
  std::optional<int> runs;  // --runs
  bool warmup = true;
};

void print_dry_run(const std::vector<PlannedTest>& tests, const ResultFile* reference,
                   const DryRunSettings& settings);

}  // namespace corebench
