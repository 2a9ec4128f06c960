// Reading the system facts (results/system_facts.h) of this machine, or of
// a dump of another, and this binary's build facts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "runner/machine/topology.h"
#include "runner/results/system_facts.h"

namespace corebench {

// The binary's own build facts (compile-time constants).
BuildInfo build_info();

// Reads the machine below `root` ("/" for this one; a dump for tests).
// Counts, memory and caches come from the detected topology (one reader of
// /sys for the whole program); the rest from below topology.root.
SystemInfo read_system_info(const Topology& topology);

}  // namespace corebench
