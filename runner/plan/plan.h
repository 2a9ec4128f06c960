// From what the user typed to the list of tests to run, with every problem
// (unknown suite or workload, bad option, bad CPU list) found before the
// first test starts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runner/common/error.h"
#include "runner/common/paths.h"
#include "runner/machine/machine.h"
#include "runner/machine/machine_profile.h"
#include "runner/machine/placement.h"
#include "runner/machine/topology.h"
#include "runner/plan/planned_test.h"

namespace corebench {

struct PlanRequest {
  std::vector<std::string> targets;    // suite names and workload specs
  std::string cpus;                    // overrides every test's; empty = keep
  std::string threads;                 // likewise
  std::string copies;                  // likewise (copies_plan.h)
  std::vector<ProfileDir> suite_dirs;  // searched in order (common/paths)
  Topology topology;                   // what CPU-set expressions resolve on
  MachineProfile profile;              // default CPU sets, placement, schedule
  std::optional<Placement> placement;  // overrides the profile's
};

// A request for `machine` with the repository's suites and `placement`
// (--placement as given; empty = the profile's), no targets and no
// overrides: what run, sweep and resume start from. An unknown placement
// throws as parse_placement does.
PlanRequest plan_request(Machine machine, std::string_view placement);

// A test's CPU set that does not resolve on this machine.
struct UnresolvedCpuSet : Error {
  using Error::Error;
};

// Throws Error naming the first problem (UnresolvedCpuSet for a CPU set).
std::vector<PlannedTest> plan_tests(const Registry& registry, const PlanRequest& request);

// The given specs, planned as plan_tests plans the tests of a target (the
// request's cpus and threads override theirs where set). Throws Error.
std::vector<PlannedTest> plan_specs(const Registry& registry, const PlanRequest& request,
                                    std::vector<TestSpec> specs);

// Runs `plan`. When a CPU set in it does not resolve on a machine whose
// detection had problems (which may be why), says so on a line of its own
// before the error and rethrows.
template <class Plan>
auto plan_telling_detection_problems(const Topology& topology, Plan&& plan) {
  try {
    return plan();
  } catch (const UnresolvedCpuSet&) {
    warn_detection_problems(topology);
    throw;
  }
}

// "all", empty (one per CPU) or a number from 1 to 4096. Throws Error.
int resolve_threads(const std::string& spec, std::size_t cpus);

}  // namespace corebench
