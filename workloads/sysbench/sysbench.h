// Sysbench 1.0.20's CPU test (`sysbench cpu run`, as pts/sysbench runs it):
// events of prime counting by 64-bit trial division, spread over the threads.
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_sysbench_entry();

}  // namespace corebench
