// Nodal forces from the element stress: the stress (here the isotropic
// -p - q) times each corner's area-weighted normal.
#pragma once

#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/element_geometry.h"

namespace corebench::lulesh {

// Writes the stress force of each corner of element k into its `forces`.
// Returns the element volume from the Jacobian, which must be positive.
[[gnu::always_inline]] inline Real stress_corner_forces(const Domain& d, Index k, const Hex& hex,
                                                        CornerLane<Real> forces) {
  const Real sigma = -d.p[k] - d.q[k];
  const Real volume = shape_derivatives(hex).determinant;
  Real nx[8], ny[8], nz[8];
  corner_normals(hex, nx, ny, nz);
#pragma GCC unroll 8
  for (int c = 0; c < 8; ++c) {
    forces[c * kForceComponents + 0] = -(sigma * nx[c]);
    forces[c * kForceComponents + 1] = -(sigma * ny[c]);
    forces[c * kForceComponents + 2] = -(sigma * nz[c]);
  }
  return volume;
}

}  // namespace corebench::lulesh
