// AOBench (Syoyo Fujita's ao.c), as the Phoronix Test Suite runs it: a
// 2048x2048 picture, 2x2 subsamples, 8x8 occlusion rays, seconds.
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_aobench_entry();

}  // namespace corebench
