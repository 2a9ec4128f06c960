// Workloads that misbehave on purpose, for the runner's isolation tests:
// `hang` never finishes a run, `crash` aborts, `wrong` answers wrongly,
// `broken-setup` throws in setup, and `steady` is a well-behaved one;
// `flood` writes kFloodBytes to stdout and to stderr (its last line on
// stderr "flood: the last line"), then aborts; `orphan` leaves a grandchild
// that ignores SIGTERM running (its pid is the run's fact
// "grandchild_pid"); `close-channel` closes the runner's message channel in
// its first run and hangs; `wrong-on-cpu`, `crash-on-cpu` and `hang-on-cpu`
// misbehave only on the CPU the environment variable kFaultyCpuVariable
// names.
#pragma once

#include <cstddef>
#include <vector>

#include "workloads/workload.h"

namespace corebench::testing {

inline constexpr std::size_t kFloodBytes = 64 * 1024 * 1024;
inline constexpr const char* kFaultyCpuVariable = "COREBENCH_TEST_FAULTY_CPU";

std::vector<WorkloadEntry> misbehaving_workloads();

}  // namespace corebench::testing
