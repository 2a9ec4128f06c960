// C-Ray 2.0 (c-ray-fast by John Tsiombikas), as the Phoronix Test Suite
// runs it: the sphfract scene, 16 rays per pixel, all threads, seconds.
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_c_ray_entry();

}  // namespace corebench
