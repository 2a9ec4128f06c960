// The one check that a test's data fits this machine's memory: a test that
// needs more than kMaxMemoryShare of it would page or be killed, measuring
// the disk or nothing instead of the CPU, so setup refuses it.
#pragma once

#include <cstdint>
#include <string>

#include "workloads/workload.h"

namespace corebench {

inline constexpr double kMaxMemoryShare = 0.8;

// RunConfig::memory_bytes where the runner read it, else the physical
// memory sysconf reports; 0 when neither is known.
std::uint64_t machine_memory_bytes(const RunConfig& config);

// Throws OptionError "option 'OPTION': VALUE needs about N GiB, more than
// 80% of this machine's M GiB" when `needed_bytes` is more than the share of
// the machine's memory. Does nothing where the memory is unknown.
void refuse_unless_it_fits(const RunConfig& config, double needed_bytes, const std::string& option,
                           const std::string& value);

}  // namespace corebench
