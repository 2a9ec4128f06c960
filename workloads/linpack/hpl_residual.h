// HPL's acceptance test for a computed solution x of the linpack system:
//   ||A x - b||_inf / (eps (||A||_inf ||x||_inf + ||b||_inf) n)
// with A and b regenerated from the seed, so the check shares nothing with the
// factorisation but the generator.
#pragma once

#include <Eigen/Core>
#include <cstdint>

namespace corebench::linpack {

// HPL passes a run whose scaled residual is below this.
inline constexpr double kHplResidualBound = 16.0;

struct ScaledResidual {
  double scaled = 0;         // the HPL figure
  double residual_norm = 0;  // ||A x - b||_inf
  double matrix_norm = 0;    // ||A||_inf
};

ScaledResidual hpl_scaled_residual(std::uint64_t seed, const Eigen::Ref<const Eigen::VectorXd>& x);

}  // namespace corebench::linpack
