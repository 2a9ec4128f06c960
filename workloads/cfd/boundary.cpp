#include "workloads/cfd/boundary.h"

namespace corebench::cfd {

// A wall's shear acts on the tangential part of (u_P - u_wall); a symmetry
// plane's on the normal part of u_P only. The component's own share is
// implicit, the other components' share explicit: on faces aligned with the
// axes (every face of a box mesh) the explicit share is zero.
FaceMomentum boundary_momentum(const BoundaryCondition& condition,
                               const Eigen::Vector3d& unit_normal, double diffusion, int component,
                               const Eigen::Vector3d& cell_velocity) {
  const double ni = unit_normal[component];
  Eigen::Vector3d others = cell_velocity;
  others[component] = 0;
  const double normal_of_others = unit_normal.dot(others);
  if (condition.kind == BoundaryKind::Symmetry)
    return {diffusion * ni * ni, -diffusion * ni * normal_of_others};
  const Eigen::Vector3d& uw = condition.wall_velocity;
  const double tangential_wall = uw[component] - ni * unit_normal.dot(uw);
  return {diffusion * (1 - ni * ni), diffusion * (tangential_wall + ni * normal_of_others)};
}

}  // namespace corebench::cfd
