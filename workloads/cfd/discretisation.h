// Finite-volume discretisation on the collocated mesh: gradients, the
// momentum equations, Rhie-Chow face fluxes and the pressure-correction
// equation of SIMPLE. Density is 1 throughout (kinematic pressure).
#pragma once

#include <Eigen/Core>

#include "workloads/cfd/boundary.h"
#include "workloads/cfd/cell_matrix.h"
#include "workloads/cfd/flow_field.h"
#include "workloads/cfd/mesh.h"

namespace corebench::cfd {

// Gauss-theorem gradient: linear interpolation to interior faces, the cell's
// own value on boundary faces (zero normal gradient there).
void gauss_gradient(const HexMesh& mesh, const Eigen::VectorXd& phi, GradientField& gradient);

// Sum of the face fluxes out of each cell.
void net_outflow(const HexMesh& mesh, const Eigen::VectorXd& face_flux, Eigen::VectorXd& outflow);

// The momentum equation of one velocity component, under-relaxed:
// convection upwind in the matrix plus a deferred correction to central
// differencing in the source (second order once converged), central
// diffusion, the pressure gradient as a source, walls through `boundaries`.
struct MomentumTerms {
  double viscosity = 0;
  double relaxation = 1;
};
void assemble_momentum(const HexMesh& mesh, const Boundaries& boundaries, const FlowField& flow,
                       const GradientField& pressure_gradient, const MomentumTerms& terms,
                       int component, CellMatrix& matrix, Eigen::VectorXd& rhs);

// Face fluxes of the cell velocities by Rhie-Chow interpolation: the linear
// interpolate minus a pressure-smoothing term, which couples neighbouring
// pressures and so suppresses the checkerboard mode of collocated grids.
// `volume_over_diagonal` is V / a_P of the (relaxed) momentum equations.
void rhie_chow_fluxes(const HexMesh& mesh, const FlowField& flow,
                      const GradientField& pressure_gradient,
                      const Eigen::VectorXd& volume_over_diagonal, Eigen::VectorXd& face_flux);

// The SIMPLE pressure-correction equation, a symmetric positive
// semi-definite Laplacian: rhs is minus the mass imbalance of `face_flux`.
// With impermeable boundaries its null space is the constant, and the rhs
// sums to zero, so conjugate gradients started from zero converge to a
// solution. No cell is pinned: that would break the mirror symmetry of the
// Krylov iterates that the 3D cavity's symmetry check relies on.
void assemble_pressure_correction(const HexMesh& mesh, const Eigen::VectorXd& volume_over_diagonal,
                                  const Eigen::VectorXd& face_flux, CellMatrix& matrix,
                                  Eigen::VectorXd& rhs);

// Applies a solved pressure correction: face fluxes become conservative,
// the first `dims` velocity components and the pressure (under-relaxed by
// `pressure_relaxation`) move with it.
void apply_pressure_correction(const HexMesh& mesh, const Eigen::VectorXd& correction,
                               const Eigen::VectorXd& volume_over_diagonal, int dims,
                               double pressure_relaxation, FlowField& flow);

}  // namespace corebench::cfd
