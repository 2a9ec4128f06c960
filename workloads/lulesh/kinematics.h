// Element kinematics after the nodes have moved: new relative volume, its
// change, the characteristic length, and the volumetric strain rate (the
// trace of the velocity gradient at the half step).
#pragma once

#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/element_geometry.h"

namespace corebench::lulesh {

// Returns the new relative volume: not positive when the element has turned
// inside out.
[[gnu::always_inline]] inline Real element_kinematics(Domain& d, Index k, const Hex& hex,
                                                      const Hex& vel, Real dt) {
  const Real volume = hex_volume(hex);
  const Real relative_volume = volume / d.volo[k];
  d.vnew[k] = relative_volume;
  d.delv[k] = relative_volume - d.v[k];
  d.arealg[k] = characteristic_length(hex, volume);

  // The velocity gradient is taken at the half step, where the nodes were
  // half a time step ago.
  Hex half = hex;
  const Real dt2 = Real(0.5) * dt;
#pragma GCC unroll 8
  for (int c = 0; c < 8; ++c) {
    half.x[c] -= dt2 * vel.x[c];
    half.y[c] -= dt2 * vel.y[c];
    half.z[c] -= dt2 * vel.z[c];
  }
  const ShapeDerivatives s = shape_derivatives(half);
  const Real inv_det = Real(1.0) / s.determinant;
  const auto strain_rate = [&](const Real* b, const Real* u) {
    return inv_det * (b[0] * (u[0] - u[6]) + b[1] * (u[1] - u[7]) + b[2] * (u[2] - u[4]) +
                      b[3] * (u[3] - u[5]));
  };
  const Real dxx = strain_rate(s.b[0], vel.x);
  const Real dyy = strain_rate(s.b[1], vel.y);
  const Real dzz = strain_rate(s.b[2], vel.z);
  d.vdov[k] = dxx + dyy + dzz;
  return relative_volume;
}

}  // namespace corebench::lulesh
