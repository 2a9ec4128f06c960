// What `info` shows and every result file records about the machine and the
// binary: enough to tell two results' conditions apart. Plain data, so that
// result files (and the child's protocol) need nothing of machine detection;
// machine/system_info.h reads it.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace corebench {

struct BuildInfo {
  std::string version;
  std::string compiler;
  std::string build_type;
  std::string flags;
  std::string arch;    // the architecture this binary was built for
  std::string target;  // COREBENCH_TARGET: native, portable, gb10, zen5
};

struct SystemInfo {
  std::string hostname;
  std::string cpu_model;  // under qemu-user: the host's, marked as such
  std::string arch;
  int logical_cpus = 0;
  int physical_cores = 0;
  std::string online_cpus;  // as the kernel lists them: "0-1"
  std::uint64_t memory_bytes = 0;
  std::uint64_t last_level_cache_bytes = 0;
  std::string kernel;
  std::string os;
  std::string governor;  // empty where cpufreq is not readable
  std::string smt;       // "on", "off", "notsupported", or empty
  // The machine's state, which moves results as much as its parts do. Each
  // is "" where the machine (or a dump) does not expose it: unknown.
  std::string microcode;              // /proc/cpuinfo "microcode" (x86)
  std::string kernel_cmdline;         // /proc/cmdline
  std::string cpufreq_driver;         // scaling_driver of cpu 0's policy
  std::string boost;                  // "on" / "off": cpufreq/boost, intel_pstate/no_turbo
  std::string energy_preference;      // energy_performance_preference of cpu 0's policy
  std::string platform_profile;       // /sys/firmware/acpi/platform_profile
  std::string transparent_hugepages;  // the selected mode of .../transparent_hugepage/enabled
  std::string hypervisor;             // /sys/hypervisor/type, "yes" (cpuinfo flag), "none" or ""
  std::string memory_modules;         // SMBIOS memory devices: "2 x 16 GiB DDR5 at 5600 MT/s"
  // cpu/vulnerabilities/NAME -> the kernel's one line ("Not affected",
  // "Mitigation: ...", "Vulnerable"); empty where not exposed.
  std::map<std::string, std::string> mitigations;
  // OMP_*, GOMP_* and OPENBLAS_* variables of corebench's environment:
  // they change how the OpenMP runtime and BLAS behave under the tests.
  std::map<std::string, std::string> environment;
  // Pre-flight warnings of the run (busy CPUs, governor, a VM): empty when
  // none or for `info`.
  std::vector<std::string> preflight;
  BuildInfo build;
};

// Another process and the share of one CPU it used over a short sample.
struct ProcessLoad {
  int pid = 0;
  std::string command;   // /proc/PID/stat's comm
  double cpu_share = 0;  // 1.0 = one whole CPU
  int last_cpu = -1;     // where it last ran
};

// The machine's load when a test started: the kernel's load averages and
// the busiest other processes (each above 1 % of a CPU).
struct MachineLoad {
  std::vector<double> load_average;  // 1, 5 and 15 minutes; empty if unreadable
  std::vector<ProcessLoad> busiest;  // busiest first
};

// A process that used more than this share of a CPU makes the machine busy:
// over the pre-flight's second on a CPU of the tests, or when a test started.
inline constexpr double kBusyShare = 0.10;

// The processes above kBusyShare when a test started, with the load
// average: "spinner (pid 42) 97 % of a CPU; load 1.93"; "" when none.
std::string busy_note(const MachineLoad& load);

nlohmann::json to_json(const MachineLoad& load);
MachineLoad machine_load_from_json(const nlohmann::json& j);

nlohmann::json to_json(const SystemInfo& info);
SystemInfo system_info_from_json(const nlohmann::json& j);

// "" when `recorded` and `here` describe the same machine and build (every
// fact equal but the pre-flight warnings, which are what one run saw, and
// facts one side could not read: results in one file are read as one
// machine's), else the first fact that differs: "cpu_model is 'A' in the
// file, 'B' here".
std::string machine_difference(const SystemInfo& recorded, const SystemInfo& here);

}  // namespace corebench
