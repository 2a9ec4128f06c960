// The machine a verb works on: its detected topology and the machine
// profile chosen for it, with what went wrong on the way told on stderr.
#pragma once

#include <string>

#include "runner/machine/machine_profile.h"
#include "runner/machine/topology.h"

namespace corebench {

struct Machine {
  Topology topology;
  MachineProfile profile;
};

// Detects the topology below `sysfs_root` and picks the profile (`forced`,
// or the first that matches); a profile that does not match is warned about
// on stderr. Detection's own problems are `info`'s to list: a verb that
// runs tests tells of them only where they change what it does (below).
// Throws Error for an unknown or broken profile.
Machine detect_machine(const std::string& forced_profile, const std::string& sysfs_root = "/");

// Before tests run: one warning line when core types could not be told
// apart, since CPU sets by core type and the profile's defaults rest on them.
void warn_if_core_types_uncertain(const Topology& topology);

// One warning line that detection had problems (info lists them), if it had.
void warn_detection_problems(const Topology& topology);

}  // namespace corebench
