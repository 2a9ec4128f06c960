// Which core design each CPU is, and which design is the faster.
//
// Arm: from the implementer and part number (the MIDR), never from
// cpu_capacity, which the firmware sets per core (GB10 has five values for
// two designs). x86: Intel's hybrid PMUs (cpu_core / cpu_atom) where the
// kernel exposes them, else the per-core cache layout (L1d, L1i, L2 sizes),
// which is fixed by the core design, unlike frequency or capacity, which
// vary with binning and boost. Capacity, frequency and CPPC highest_perf
// only rank designs, they never split one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runner/machine/topology.h"

namespace corebench {

struct ArmCoreDesign {
  unsigned implementer;
  unsigned part;
  const char* id;    // "x925"
  const char* name;  // "Cortex-X925"
  int tier;          // 3 = performance (X, V), 2 = mid (A7xx, N), 1 = efficiency (A5xx)
};

// nullptr for a design not in the table.
const ArmCoreDesign* find_arm_core_design(unsigned implementer, unsigned part);

struct CoreSignals {
  struct ArmPart {
    unsigned implementer = 0;
    unsigned part = 0;
  };
  std::optional<ArmPart> arm;   // from cpuinfo or midr_el1
  std::optional<bool> pmu_big;  // true: listed by cpu_core, false: by cpu_atom
  std::string cache_layout;     // "48K/32K/1280K" (L1d/L1i/L2); "" if unknown
  int capacity = 0;             // 0 if unknown
  std::uint64_t max_freq_khz = 0;
  std::uint64_t highest_perf = 0;  // ACPI CPPC, 0 if unknown
};

struct CoreTypeAssignment {
  std::vector<CoreType> types;  // fastest first; `cores` and freq left for the caller
  std::vector<int> type_of;     // per CPU, parallel to the input
};

// `cpus` and `signals` are parallel. `vendor` is cpuinfo's vendor_id (x86)
// or empty; `x86_family` is -1 off x86.
CoreTypeAssignment classify_core_types(const std::vector<int>& cpus,
                                       const std::vector<CoreSignals>& signals,
                                       const std::string& vendor, int x86_family);

}  // namespace corebench
