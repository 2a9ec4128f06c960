#include "workloads/cfd/cavity.h"

namespace corebench::cfd {
namespace {

double depth(const CavityCase& cavity) {
  return cavity.dim == 3 ? 1.0 : 1.0 / cavity.cells_per_edge;
}

}  // namespace

HexMesh cavity_mesh(const CavityCase& cavity) {
  const int n = cavity.cells_per_edge;
  return make_box_mesh(n, n, cavity.dim == 3 ? n : 1, Eigen::Vector3d(1, 1, depth(cavity)));
}

// The lid is the side y = 1, every other side a wall at rest. The slab's z
// sides are symmetry planes, so its flow stays two-dimensional.
Boundaries cavity_boundaries(const CavityCase& cavity) {
  Boundaries sides{};
  sides[static_cast<int>(Side::YMax)].wall_velocity = Eigen::Vector3d(cavity.lid_speed, 0, 0);
  if (cavity.dim == 2) {
    sides[static_cast<int>(Side::ZMin)].kind = BoundaryKind::Symmetry;
    sides[static_cast<int>(Side::ZMax)].kind = BoundaryKind::Symmetry;
  }
  return sides;
}

double cavity_reference_flux(const CavityCase& cavity) {
  return cavity.lid_speed * depth(cavity);
}

SimpleSettings cavity_settings(const CavityCase& cavity) {
  SimpleSettings settings;
  settings.viscosity = cavity.lid_speed / cavity.reynolds;  // side length 1
  settings.dims = cavity.dim;
  settings.reference_velocity = cavity.lid_speed;
  settings.reference_flux = cavity_reference_flux(cavity);
  return settings;
}

}  // namespace corebench::cfd
