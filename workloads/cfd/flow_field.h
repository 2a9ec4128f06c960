// The unknowns of the incompressible flow, all collocated at cell centres,
// and the mass fluxes through the faces that the pressure coupling keeps
// conservative.
#pragma once

#include <Eigen/Core>
#include <array>
#include <vector>

namespace corebench::cfd {

struct FlowField {
  std::array<Eigen::VectorXd, 3> velocity;  // u, v, w per cell
  Eigen::VectorXd pressure;                 // kinematic pressure p / rho
  Eigen::VectorXd face_flux;                // volume flux out of each face's owner

  explicit FlowField(int cells = 0, int faces = 0) {
    for (auto& u : velocity) u = Eigen::VectorXd::Zero(cells);
    pressure = Eigen::VectorXd::Zero(cells);
    face_flux = Eigen::VectorXd::Zero(faces);
  }

  Eigen::Vector3d velocity_at(int cell) const {
    return {velocity[0][cell], velocity[1][cell], velocity[2][cell]};
  }
};

using GradientField = std::vector<Eigen::Vector3d>;

}  // namespace corebench::cfd
