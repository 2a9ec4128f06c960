// LULESH's Lagrange leapfrog time integration over a domain.
#pragma once

#include "workloads/lulesh/domain.h"

namespace corebench::lulesh {

enum class Failure {
  None,
  NegativeVolume,      // an element turned inside out
  ExcessiveViscosity,  // q above kViscosityStop
};

class Halo;

// Advances the domain until the stop time or until it has done max_cycles
// cycles in all, whichever comes first. Stops early on a failure. A
// decomposed domain exchanges with its neighbours through `halo`, which
// the calling thread (the one that initialised MPI) drives.
Failure run_leapfrog(Domain& domain, Index max_cycles, Halo* halo = nullptr);

}  // namespace corebench::lulesh
