// LULESH 2.0 hydrodynamics: the Sedov blast on a hexahedral mesh with the
// Lagrange leapfrog of LLNL's proxy application, reporting its figure of
// merit in zones per second.
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_lulesh_entry();

}  // namespace corebench
