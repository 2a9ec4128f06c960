#include "runner/machine/machine.h"

#include <fmt/format.h>

#include "runner/common/error.h"
#include "runner/common/paths.h"

namespace corebench {

Machine detect_machine(const std::string& forced_profile, const std::string& sysfs_root) {
  Machine machine;
  try {
    machine.topology = detect_topology(sysfs_root);
  } catch (const std::invalid_argument& e) {
    throw Error(fmt::format("--sysfs-root: {}", e.what()));
  }
  ProfileChoice choice =
      choose_machine_profile(machine_profile_dirs(), machine.topology, forced_profile);
  if (!choice.warning.empty()) fmt::print(stderr, "corebench: warning: {}\n", choice.warning);
  machine.profile = std::move(choice.profile);
  return machine;
}

void warn_detection_problems(const Topology& topology) {
  if (const auto problems = topology.warnings.size(); problems > 0) {
    fmt::print(stderr,
               "corebench: warning: topology detection had {} problem{} (see corebench info)\n",
               problems, problems == 1 ? "" : "s");
  }
}

void warn_if_core_types_uncertain(const Topology& topology) {
  if (topology.core_types_uncertain.empty()) return;
  fmt::print(stderr,
             "corebench: warning: {}; CPU sets by core type and the profile's defaults may pin "
             "the wrong cores (see corebench info)\n",
             topology.core_types_uncertain);
}

}  // namespace corebench
