#include "runner/machine.h"

#include <fmt/format.h>

#include "runner/error.h"
#include "runner/paths.h"

namespace corebench {

Machine detect_machine(const std::string& forced_profile, const std::string& sysfs_root) {
  Machine machine;
  try {
    machine.topology = detect_topology(sysfs_root);
  } catch (const std::invalid_argument& e) {
    throw Error(fmt::format("--sysfs-root: {}", e.what()));
  }
  if (const auto problems = machine.topology.warnings.size(); problems > 0) {
    fmt::print(stderr,
               "corebench: warning: topology detection had {} problem{} (see corebench info)\n",
               problems, problems == 1 ? "" : "s");
  }
  ProfileChoice choice =
      choose_machine_profile(machine_profiles_dir(), machine.topology, forced_profile);
  if (!choice.warning.empty()) fmt::print(stderr, "corebench: warning: {}\n", choice.warning);
  machine.profile = std::move(choice.profile);
  return machine;
}

}  // namespace corebench
