// The machine a verb works on: its detected topology and the machine
// profile chosen for it, with what went wrong on the way told on stderr.
#pragma once

#include <string>

#include "runner/machine_profile.h"
#include "runner/topology.h"

namespace corebench {

struct Machine {
  Topology topology;
  MachineProfile profile;
};

// Detects the topology below `sysfs_root` and picks the profile (`forced`,
// or the first that matches). That topology detection had problems, and a
// profile mismatch, are printed to stderr. Throws Error for an unknown or broken
// profile.
Machine detect_machine(const std::string& forced_profile, const std::string& sysfs_root = "/");

}  // namespace corebench
