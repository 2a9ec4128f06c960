#include "workloads/cfd/discretisation.h"

#include <algorithm>

namespace corebench::cfd {
namespace {

// Cells or faces per chunk handed to a thread: dynamic chunks keep a slower
// core from stalling the rest, and every loop writes only its own row or
// face, so results do not depend on the thread count. Loops of fewer than
// kParallelMin items run on one thread, where a parallel region would cost
// more than it saves.
constexpr int kChunk = 1024;
constexpr int kParallelMin = 8 * kChunk;

// Linear-interpolation weight of `cell` at interior face `face`.
double weight_of(const HexMesh& mesh, int face, int cell) {
  return mesh.owner[face] == cell ? mesh.owner_weight[face] : 1 - mesh.owner_weight[face];
}

// V / a_P interpolated to an interior face, times the face's diffusion
// factor: how strongly the face flux answers a pressure difference across it.
double pressure_coupling(const HexMesh& mesh, const Eigen::VectorXd& volume_over_diagonal,
                         int face) {
  const double w = mesh.owner_weight[face];
  const double d = w * volume_over_diagonal[mesh.owner[face]] +
                   (1 - w) * volume_over_diagonal[mesh.neighbour[face]];
  return d * mesh.diffusion_factor[face];
}

}  // namespace

void gauss_gradient(const HexMesh& mesh, const Eigen::VectorXd& phi, GradientField& gradient) {
  gradient.resize(mesh.cell_count());
#pragma omp parallel for schedule(dynamic, kChunk) if (mesh.cell_count() >= kParallelMin)
  for (int c = 0; c < mesh.cell_count(); ++c) {
    Eigen::Vector3d sum = Eigen::Vector3d::Zero();
    for (int e = mesh.cell_face_start[c]; e < mesh.cell_face_start[c + 1]; ++e) {
      const int f = mesh.cell_faces[e];
      double face_value = phi[c];
      if (mesh.is_interior(f)) {
        const double w = weight_of(mesh, f, c);
        face_value = w * phi[c] + (1 - w) * phi[mesh.across(f, c)];
      }
      sum += mesh.orientation(f, c) * face_value * mesh.face_area[f];
    }
    gradient[c] = sum / mesh.cell_volume[c];
  }
}

void net_outflow(const HexMesh& mesh, const Eigen::VectorXd& face_flux, Eigen::VectorXd& outflow) {
  outflow.resize(mesh.cell_count());
#pragma omp parallel for schedule(dynamic, kChunk) if (mesh.cell_count() >= kParallelMin)
  for (int c = 0; c < mesh.cell_count(); ++c) {
    double sum = 0;
    for (int e = mesh.cell_face_start[c]; e < mesh.cell_face_start[c + 1]; ++e)
      sum += mesh.orientation(mesh.cell_faces[e], c) * face_flux[mesh.cell_faces[e]];
    outflow[c] = sum;
  }
}

void assemble_momentum(const HexMesh& mesh, const Boundaries& boundaries, const FlowField& flow,
                       const GradientField& pressure_gradient, const MomentumTerms& terms,
                       int component, CellMatrix& matrix, Eigen::VectorXd& rhs) {
  const Eigen::VectorXd& u = flow.velocity[component];
  rhs.resize(mesh.cell_count());
#pragma omp parallel for schedule(dynamic, kChunk) if (mesh.cell_count() >= kParallelMin)
  for (int c = 0; c < mesh.cell_count(); ++c) {
    double diagonal = 0;
    double source = -pressure_gradient[c][component] * mesh.cell_volume[c];
    for (int e = mesh.cell_face_start[c]; e < mesh.cell_face_start[c + 1]; ++e) {
      const int f = mesh.cell_faces[e];
      const double diffusion = terms.viscosity * mesh.diffusion_factor[f];
      if (!mesh.is_interior(f)) {  // impermeable: shear only
        const FaceMomentum fm = boundary_momentum(boundaries[static_cast<int>(mesh.side_of(f))],
                                                  mesh.face_area[f].normalized(), diffusion,
                                                  component, flow.velocity_at(c));
        diagonal += fm.diagonal;
        source += fm.source;
        continue;
      }
      const int n = mesh.across(f, c);
      const double outflow = mesh.orientation(f, c) * flow.face_flux[f];
      diagonal += diffusion + std::max(outflow, 0.0);
      matrix.coupling(e) = -(diffusion + std::max(-outflow, 0.0));
      const double w = weight_of(mesh, f, c);
      const double central = w * u[c] + (1 - w) * u[n];
      const double upwind = outflow >= 0 ? u[c] : u[n];
      source -= outflow * (central - upwind);
    }
    const double relaxed = diagonal / terms.relaxation;
    matrix.diagonal(c) = relaxed;
    rhs[c] = source + (1 - terms.relaxation) * relaxed * u[c];
  }
}

void rhie_chow_fluxes(const HexMesh& mesh, const FlowField& flow,
                      const GradientField& pressure_gradient,
                      const Eigen::VectorXd& volume_over_diagonal, Eigen::VectorXd& face_flux) {
  face_flux.setZero(mesh.face_count());  // boundaries are impermeable
  const Eigen::VectorXd& p = flow.pressure;
#pragma omp parallel for schedule(dynamic, kChunk) if (mesh.face_count() >= kParallelMin)
  for (int f = 0; f < mesh.interior_face_count(); ++f) {
    const int o = mesh.owner[f];
    const int n = mesh.neighbour[f];
    const double w = mesh.owner_weight[f];
    const Eigen::Vector3d velocity = w * flow.velocity_at(o) + (1 - w) * flow.velocity_at(n);
    const Eigen::Vector3d gradient = w * pressure_gradient[o] + (1 - w) * pressure_gradient[n];
    const double smoothing = (p[n] - p[o]) - gradient.dot(mesh.centre_offset[f]);
    face_flux[f] = velocity.dot(mesh.face_area[f]) -
                   pressure_coupling(mesh, volume_over_diagonal, f) * smoothing;
  }
}

void assemble_pressure_correction(const HexMesh& mesh, const Eigen::VectorXd& volume_over_diagonal,
                                  const Eigen::VectorXd& face_flux, CellMatrix& matrix,
                                  Eigen::VectorXd& rhs) {
  rhs.resize(mesh.cell_count());
#pragma omp parallel for schedule(dynamic, kChunk) if (mesh.cell_count() >= kParallelMin)
  for (int c = 0; c < mesh.cell_count(); ++c) {
    double diagonal = 0;
    double imbalance = 0;
    for (int e = mesh.cell_face_start[c]; e < mesh.cell_face_start[c + 1]; ++e) {
      const int f = mesh.cell_faces[e];
      imbalance += mesh.orientation(f, c) * face_flux[f];
      if (!mesh.is_interior(f)) continue;
      const double a = pressure_coupling(mesh, volume_over_diagonal, f);
      diagonal += a;
      matrix.coupling(e) = -a;
    }
    matrix.diagonal(c) = diagonal;
    rhs[c] = -imbalance;
  }
}

void apply_pressure_correction(const HexMesh& mesh, const Eigen::VectorXd& correction,
                               const Eigen::VectorXd& volume_over_diagonal, int dims,
                               double pressure_relaxation, FlowField& flow) {
#pragma omp parallel for schedule(dynamic, kChunk) if (mesh.face_count() >= kParallelMin)
  for (int f = 0; f < mesh.interior_face_count(); ++f)
    flow.face_flux[f] -= pressure_coupling(mesh, volume_over_diagonal, f) *
                         (correction[mesh.neighbour[f]] - correction[mesh.owner[f]]);
  GradientField gradient;
  gauss_gradient(mesh, correction, gradient);
#pragma omp parallel for schedule(dynamic, kChunk) if (mesh.cell_count() >= kParallelMin)
  for (int c = 0; c < mesh.cell_count(); ++c) {
    for (int i = 0; i < dims; ++i) flow.velocity[i][c] -= volume_over_diagonal[c] * gradient[c][i];
    flow.pressure[c] += pressure_relaxation * correction[c];
  }
}

}  // namespace corebench::cfd
