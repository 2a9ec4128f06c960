// Dolfyn-style incompressible laminar Navier-Stokes: the lid-driven cavity
// on an unstructured hexahedral mesh, SIMPLE with Rhie-Chow interpolation,
// Eigen's iterative solvers.
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_cfd_entry();

}  // namespace corebench
