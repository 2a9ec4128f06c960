#include "workloads/cfd/simple.h"

#include <algorithm>

#include "workloads/cfd/discretisation.h"

namespace corebench::cfd {

double Residuals::largest() const {
  return std::max(continuity, *std::max_element(momentum.begin(), momentum.end()));
}

SimpleSolver::SimpleSolver(const HexMesh& mesh, const Boundaries& boundaries,
                           const SimpleSettings& settings)
    : mesh_(mesh),
      boundaries_(boundaries),
      settings_(settings),
      flow_(mesh.cell_count(), mesh.face_count()),
      momentum_matrix_(mesh),
      pressure_matrix_(mesh),
      momentum_operator_(momentum_matrix_.matrix()),
      pressure_operator_(pressure_matrix_.matrix()) {
  momentum_solver_.setTolerance(settings.momentum_reduction);
  pressure_solver_.setTolerance(settings.pressure_reduction);
}

Residuals SimpleSolver::iterate() {
  Residuals residuals;
  gauss_gradient(mesh_, flow_.pressure, pressure_gradient_);
  diagonal_sum_.setZero(mesh_.cell_count());
  for (int i = 0; i < settings_.dims; ++i) residuals.momentum[i] = solve_momentum(i);
  // The mean diagonal of the solved components stands for all of them in the
  // pressure coupling (they differ only at walls).
  volume_over_diagonal_ =
      Eigen::Map<const Eigen::VectorXd>(mesh_.cell_volume.data(), mesh_.cell_count())
          .cwiseQuotient(diagonal_sum_ / settings_.dims);
  rhie_chow_fluxes(mesh_, flow_, pressure_gradient_, volume_over_diagonal_, flow_.face_flux);
  net_outflow(mesh_, flow_.face_flux, outflow_);
  residuals.continuity = outflow_.lpNorm<1>() / settings_.reference_flux;
  solve_pressure_correction();
  return residuals;
}

// Solves for the change of the component rather than the component itself,
// so that the solver's relative tolerance is a reduction of this outer
// iteration's residual. Returns the normalised residual before the solve.
double SimpleSolver::solve_momentum(int component) {
  assemble_momentum(mesh_, boundaries_, flow_, pressure_gradient_,
                    {settings_.viscosity, settings_.velocity_relaxation}, component,
                    momentum_matrix_, rhs_);
  Eigen::VectorXd& u = flow_.velocity[component];
  const Eigen::VectorXd residual = rhs_ - momentum_operator_ * u;
  const Eigen::VectorXd diagonal = momentum_matrix_.matrix().diagonal();
  diagonal_sum_ += diagonal;
  const double scale =
      settings_.reference_velocity * settings_.velocity_relaxation * diagonal.sum();
  if (residual.squaredNorm() > 0) {
    momentum_solver_.compute(momentum_operator_);
    u += momentum_solver_.solve(residual);
    momentum_solver_iterations_ += momentum_solver_.iterations();
  }
  return residual.lpNorm<1>() / scale;
}

void SimpleSolver::solve_pressure_correction() {
  assemble_pressure_correction(mesh_, volume_over_diagonal_, flow_.face_flux, pressure_matrix_,
                               rhs_);
  Eigen::VectorXd correction = Eigen::VectorXd::Zero(mesh_.cell_count());
  if (rhs_.squaredNorm() > 0) {
    pressure_solver_.compute(pressure_operator_);
    correction = pressure_solver_.solve(rhs_);
    pressure_solver_iterations_ += pressure_solver_.iterations();
  }
  apply_pressure_correction(mesh_, correction, volume_over_diagonal_, settings_.dims,
                            settings_.pressure_relaxation, flow_);
}

SolveSummary iterate_to_limit(SimpleSolver& solver, const IterationLimits& limits) {
  SolveSummary summary;
  const int cap = limits.fixed_iterations > 0 ? limits.fixed_iterations : limits.max_iterations;
  while (summary.iterations < cap) {
    summary.last = solver.iterate();
    ++summary.iterations;
    summary.converged = summary.last.largest() < limits.tolerance;
    if (summary.converged && limits.fixed_iterations == 0) break;
  }
  return summary;
}

}  // namespace corebench::cfd
