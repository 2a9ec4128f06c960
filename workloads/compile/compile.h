// Timed compilation: a generated C++ project compiled and linked with the
// machine's own compiler, as many jobs at once as the test has threads,
// every job pinned inside the test's CPU set.
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_compile_entry();

}  // namespace corebench
