// Boundary conditions and what a boundary face adds to the
// momentum equations. Every boundary here is impermeable (zero mass flux) and
// takes the owner cell's pressure (zero normal gradient).
#pragma once

#include <Eigen/Core>
#include <array>

#include "workloads/cfd/mesh.h"

namespace corebench::cfd {

enum class BoundaryKind {
  Wall,      // no slip: the fluid takes the wall's (tangential) velocity
  Symmetry,  // mirror plane: no normal velocity, no shear
};

struct BoundaryCondition {
  BoundaryKind kind = BoundaryKind::Wall;
  Eigen::Vector3d wall_velocity = Eigen::Vector3d::Zero();
};

using Boundaries = std::array<BoundaryCondition, kSideCount>;

// Linearised momentum flux through one boundary face for velocity component
// `component`: the face adds `diagonal` * u_P[component] to the cell's
// outflow and `source` to its right-hand side. `diffusion` is
// viscosity * the face's diffusion factor; `unit_normal` points out.
struct FaceMomentum {
  double diagonal = 0;
  double source = 0;
};
FaceMomentum boundary_momentum(const BoundaryCondition& condition,
                               const Eigen::Vector3d& unit_normal, double diffusion, int component,
                               const Eigen::Vector3d& cell_velocity);

}  // namespace corebench::cfd
