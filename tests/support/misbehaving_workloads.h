// Workloads that misbehave on purpose, for the runner's isolation tests:
// `hang` never finishes a run, `crash` aborts, `wrong` answers wrongly,
// `broken-setup` throws in setup, and `steady` is a well-behaved one.
#pragma once

#include <vector>

#include "workloads/workload.h"

namespace corebench::testing {

std::vector<WorkloadEntry> misbehaving_workloads();

}  // namespace corebench::testing
