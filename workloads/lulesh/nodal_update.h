// The nodal half of the leapfrog: sum the corner forces at each node,
// turn them into accelerations, hold the symmetry planes, and advance
// velocities and positions.
#pragma once

#include <cmath>

#include "workloads/lulesh/domain.h"

namespace corebench::lulesh {

// Advances node n by dt. Gathering per node (rather than each element
// adding into its nodes) needs no atomics and sums in ascending element
// order whatever the thread count, as LULESH's threaded build does.
inline void advance_node(Domain& d, Index n, Real dt) {
  Real stress[3] = {0.0, 0.0, 0.0};
  Real hourglass[3] = {0.0, 0.0, 0.0};
  for (Index i = d.node_corner_start[n]; i < d.node_corner_start[n + 1]; ++i) {
    const Real* corner = &d.corner_force[d.node_corners[i]];
    for (int a = 0; a < 3; ++a) {
      stress[a] += corner[a * kLanes];
      hourglass[a] += corner[(3 + a) * kLanes];
    }
  }

  const std::uint8_t symmetry = d.node_symmetry[n];
  constexpr std::uint8_t kPlaneOf[3] = {kSymmetryX, kSymmetryY, kSymmetryZ};
  Real* position[3] = {d.x.data(), d.y.data(), d.z.data()};
  Real* velocity[3] = {d.xd.data(), d.yd.data(), d.zd.data()};
  for (int a = 0; a < 3; ++a) {
    Real acceleration = (stress[a] + hourglass[a]) / d.nodal_mass[n];
    if (symmetry & kPlaneOf[a]) acceleration = Real(0.0);
    Real v = velocity[a][n] + acceleration * dt;
    if (std::fabs(v) < kVelocityCut) v = Real(0.0);
    velocity[a][n] = v;
    position[a][n] += v * dt;
  }
}

}  // namespace corebench::lulesh
