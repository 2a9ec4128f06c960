// The test's side of a run: the `exec` verb, inside the pinned child.
#pragma once

#include <string>

#include "workloads/registry.h"

namespace corebench {

// Sets up the workload the request names, then runs it once per command on
// stdin, reporting on fd 3 (see protocol.h). Returns the exit code.
int run_child(const Registry& registry, const std::string& request_json);

}  // namespace corebench
