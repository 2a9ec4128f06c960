// LULESH's Lagrange leapfrog time integration over a domain.
#pragma once

#include "workloads/lulesh/domain.h"

namespace corebench::lulesh {

enum class Failure {
  None,
  NegativeVolume,      // an element turned inside out
  ExcessiveViscosity,  // q above kViscosityStop
};

// Advances the domain until the stop time or until it has done max_cycles
// cycles in all, whichever comes first. Stops early on a failure.
Failure run_leapfrog(Domain& domain, Index max_cycles);

}  // namespace corebench::lulesh
