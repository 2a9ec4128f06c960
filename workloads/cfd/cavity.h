// The lid-driven cavity case: a unit cube (dim 3) or a unit square as a
// one-cell-thick slab (dim 2) of equal cubic cells, the side y = 1 moving
// along +x at the lid speed, at a given Reynolds number.
#pragma once

#include "workloads/cfd/boundary.h"
#include "workloads/cfd/mesh.h"
#include "workloads/cfd/simple.h"

namespace corebench::cfd {

struct CavityCase {
  int cells_per_edge = 32;
  int dim = 3;
  double reynolds = 100;
  double lid_speed = 1;
};

HexMesh cavity_mesh(const CavityCase& cavity);
Boundaries cavity_boundaries(const CavityCase& cavity);
SimpleSettings cavity_settings(const CavityCase& cavity);

// The volume flux the lid speed drives through the lid's area: the scale of
// the continuity residuals.
double cavity_reference_flux(const CavityCase& cavity);

}  // namespace corebench::cfd
