// Dense solve by right-looking blocked LU with partial pivoting, as HPL does
// it, on Eigen: its triangular solves, and a packed product of our own on its
// packet primitives for the updates (packed_product.h says why).
//
// The right-hand side rides along as column n of [A | b]: every row swap and
// every update of the factorisation is applied to it too, so that when the
// factorisation ends it already holds L^-1 P b, and the solve is one back
// substitution with U. The columns left of the current panel are never
// swapped (L is not kept in LAPACK's form), which spares half the row swaps.
#pragma once

#include <Eigen/Core>

namespace corebench::linpack {

// Overwrites `ab` (n x (n+1)) with U in its upper triangle, multipliers below
// it, and L^-1 P b in its last column. `block` is the panel width nb.
void factor_augmented(Eigen::Ref<Eigen::MatrixXd> ab, Eigen::Index block);

// x = U^-1 (last column of ab), after factor_augmented.
void back_substitute(const Eigen::Ref<const Eigen::MatrixXd>& ab, Eigen::Ref<Eigen::VectorXd> x);

}  // namespace corebench::linpack
