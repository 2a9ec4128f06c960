// The command line: parses the verbs and their options, dispatches to
// runner/verbs, and turns every error into one line and a non-zero exit.
#pragma once

#include "workloads/registry.h"

namespace corebench {

// `registry` is the set of workloads this binary offers (tests add their
// own misbehaving workloads to it).
int corebench_main(int argc, char** argv, const Registry& registry);

}  // namespace corebench
