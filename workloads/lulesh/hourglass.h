// Flanagan-Belytschko hourglass control: forces that resist the zero-energy
// "hourglass" deformation modes a one-point-integrated hexahedron cannot
// see by itself.
#pragma once

#include <cmath>

#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/element_geometry.h"

namespace corebench::lulesh {

// The four hourglass base vectors over the 8 corners.
inline constexpr Real kHourglassModes[4][8] = {{1., 1., -1., -1., -1., -1., 1., 1.},
                                               {1., -1., -1., 1., -1., 1., 1., -1.},
                                               {1., -1., 1., -1., 1., -1., 1., -1.},
                                               {-1., 1., -1., 1., 1., -1., 1., -1.}};

// The factor of the hourglass forces of element k, whose current volume
// (reference volume x relative volume) must be positive.
[[gnu::always_inline]] inline Real hourglass_coefficient(const Domain& d, Index k) {
  return -kHourglassCoefficient * Real(0.01) * d.ss[k] * d.elem_mass[k] /
         std::cbrt(d.volo[k] * d.v[k]);
}

// Writes the hourglass force of each corner of element k into its `forces`,
// from the corner positions `hex` and velocities `vel`; `coefficient` is
// hourglass_coefficient(d, k), which leaves the vector loops because cbrt
// has no vector version.
[[gnu::always_inline]] inline void hourglass_corner_forces(const Domain& d, Index k, const Hex& hex,
                                                           const Hex& vel, Real coefficient,
                                                           CornerLane<Real> forces) {
  Real dvdx[8], dvdy[8], dvdz[8];
  volume_derivatives(hex, dvdx, dvdy, dvdz);

  // The hourglass modes made orthogonal to the linear velocity field.
  const Real volinv = Real(1.0) / (d.volo[k] * d.v[k]);
  Real hourgam[8][4];
#pragma GCC unroll 8
  for (int m = 0; m < 4; ++m) {
    const Real* g = kHourglassModes[m];
    Real modx = hex.x[0] * g[0], mody = hex.y[0] * g[0], modz = hex.z[0] * g[0];
#pragma GCC unroll 8
    for (int c = 1; c < 8; ++c) {
      modx += hex.x[c] * g[c];
      mody += hex.y[c] * g[c];
      modz += hex.z[c] * g[c];
    }
#pragma GCC unroll 8
    for (int c = 0; c < 8; ++c)
      hourgam[c][m] = g[c] - volinv * (dvdx[c] * modx + dvdy[c] * mody + dvdz[c] * modz);
  }

  const auto project = [&](const Real* velocity, int axis) {
    Real h[4];
#pragma GCC unroll 8
    for (int m = 0; m < 4; ++m) {
      h[m] = hourgam[0][m] * velocity[0];
#pragma GCC unroll 8
      for (int c = 1; c < 8; ++c) h[m] += hourgam[c][m] * velocity[c];
    }
#pragma GCC unroll 8
    for (int c = 0; c < 8; ++c)
      forces[c * kForceComponents + 3 + axis] =
          coefficient * (hourgam[c][0] * h[0] + hourgam[c][1] * h[1] + hourgam[c][2] * h[2] +
                         hourgam[c][3] * h[3]);
  };
  project(vel.x, 0);
  project(vel.y, 1);
  project(vel.z, 2);
}

}  // namespace corebench::lulesh
