// SIMPLE pressure-velocity coupling (Patankar & Spalding) for steady
// incompressible flow: each outer iteration solves the momentum equations
// with the current pressure, makes Rhie-Chow face fluxes of the result, and
// solves a pressure-correction equation that makes those fluxes conservative.
#pragma once

#include <Eigen/IterativeLinearSolvers>
#include <array>

#include "workloads/cfd/boundary.h"
#include "workloads/cfd/cell_matrix.h"
#include "workloads/cfd/flow_field.h"
#include "workloads/cfd/jacobi_preconditioner.h"
#include "workloads/cfd/mesh.h"
#include "workloads/cfd/sparse_operator.h"

namespace corebench::cfd {

struct SimpleSettings {
  double viscosity = 0.01;
  int dims = 3;  // velocity components solved; the slab (2D) leaves w at zero
  double velocity_relaxation = 0.7;
  double pressure_relaxation = 0.3;
  // Inner solves stop once their residual has dropped by this factor: an
  // outer iteration changes the coefficients anyway.
  double momentum_reduction = 0.1;
  double pressure_reduction = 0.1;
  // Scales that make residuals dimensionless: the lid speed, and the volume
  // flux the lid speed drives through the lid's area.
  double reference_velocity = 1;
  double reference_flux = 1;
};

// Residuals of one outer iteration, before its own corrections, so they
// measure how far the iterate is from the discrete steady solution.
// momentum: sum |b - A u| / (reference velocity * sum a_P), per component.
// continuity: sum over cells of |net outflow of the predicted fluxes| /
// reference flux.
struct Residuals {
  std::array<double, 3> momentum{};
  double continuity = 0;
  double largest() const;
};

class SimpleSolver {
 public:
  SimpleSolver(const HexMesh& mesh, const Boundaries& boundaries, const SimpleSettings& settings);
  // The operators and the solvers point into this object's matrices.
  SimpleSolver(const SimpleSolver&) = delete;
  SimpleSolver& operator=(const SimpleSolver&) = delete;

  Residuals iterate();

  const FlowField& flow() const { return flow_; }
  const HexMesh& mesh() const { return mesh_; }
  long momentum_solver_iterations() const { return momentum_solver_iterations_; }
  long pressure_solver_iterations() const { return pressure_solver_iterations_; }

 private:
  double solve_momentum(int component);
  void solve_pressure_correction();

  const HexMesh& mesh_;
  Boundaries boundaries_;
  SimpleSettings settings_;
  FlowField flow_;
  GradientField pressure_gradient_;
  Eigen::VectorXd volume_over_diagonal_;
  Eigen::VectorXd diagonal_sum_;
  CellMatrix momentum_matrix_;
  CellMatrix pressure_matrix_;
  SparseOperator momentum_operator_;
  SparseOperator pressure_operator_;
  Eigen::VectorXd rhs_;
  Eigen::VectorXd outflow_;
  Eigen::BiCGSTAB<SparseOperator, JacobiPreconditioner> momentum_solver_;
  Eigen::ConjugateGradient<SparseOperator, Eigen::Lower | Eigen::Upper, JacobiPreconditioner>
      pressure_solver_;
  long momentum_solver_iterations_ = 0;
  long pressure_solver_iterations_ = 0;
};

// How long to iterate: to `tolerance` on every residual (at most
// `max_iterations`), or exactly `fixed_iterations` when that is positive.
struct IterationLimits {
  double tolerance = 1e-5;
  int max_iterations = 5000;
  int fixed_iterations = 0;
};

struct SolveSummary {
  int iterations = 0;
  Residuals last;
  bool converged = false;  // every residual below the tolerance
};

SolveSummary iterate_to_limit(SimpleSolver& solver, const IterationLimits& limits);

}  // namespace corebench::cfd
