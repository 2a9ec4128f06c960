// From what the user typed to the list of tests to run, with every problem
// (unknown suite or workload, bad option, bad CPU list) found before the
// first test starts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "runner/affinity.h"
#include "runner/executor.h"
#include "runner/machine_profile.h"
#include "runner/topology.h"

namespace corebench {

struct PlanRequest {
  std::vector<std::string> targets;  // suite names and workload specs
  std::string cpus;                  // overrides every test's; empty = keep
  std::string threads;               // likewise
  std::filesystem::path suites_dir;
  Topology topology;                   // what CPU-set expressions resolve on
  MachineProfile profile;              // default CPU sets, placement, schedule
  std::optional<Placement> placement;  // overrides the profile's
};

// Throws Error naming the first problem.
std::vector<PlannedTest> plan_tests(const Registry& registry, const PlanRequest& request);

// "all", empty (one per CPU) or a number from 1 to 4096. Throws Error.
int resolve_threads(const std::string& spec, std::size_t cpus);

}  // namespace corebench
