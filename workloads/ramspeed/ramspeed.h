// RAMspeed SMP-style memory bandwidth: STREAM's copy, scale, add and triad
// kernels over 64-bit integers or doubles.
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_ramspeed_entry();

}  // namespace corebench
