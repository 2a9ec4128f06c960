// How busy the machine is: load averages, per-CPU busy time (/proc/stat)
// and the busiest processes (/proc/PID/stat), sampled over a short window;
// and the pre-flight check a run makes before its first test.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "runner/machine/cpuset.h"
#include "runner/results/system_facts.h"

namespace corebench {

struct LoadSample {
  std::map<int, double> cpu_busy;      // per CPU, the busy share of the window
  std::vector<ProcessLoad> processes;  // above 1 % of a CPU, busiest first; this process left out
};

// Reads /proc below `root` twice, `seconds` apart. On a dump (root not "/")
// the two reads are of the same files: every share is 0.
LoadSample sample_load(const std::filesystem::path& root, double seconds);

// The kernel's 1, 5 and 15 minute load averages; empty if unreadable.
std::vector<double> read_load_average(const std::filesystem::path& root);

// What a test records when it starts: load averages and the three busiest
// processes over `seconds`.
MachineLoad machine_load(const std::filesystem::path& root, double seconds);

inline constexpr double kPreflightSeconds = 1.0;

// Per CPU, the governor of its cpufreq policy (policyN/affected_cpus and
// scaling_governor below `root`); CPUs without one are absent.
std::map<int, std::string> read_governors(const std::filesystem::path& root);

// One line per problem: busy CPUs of `cpus` (naming the processes), CPUs of
// `cpus` whose governor is not `performance` (from `governors`; cpu 0's,
// system.governor, where a CPU has none), a hypervisor.
std::vector<std::string> preflight_warnings(const SystemInfo& system, const CpuSet& cpus,
                                            const LoadSample& sample,
                                            const std::map<int, std::string>& governors = {});

}  // namespace corebench
