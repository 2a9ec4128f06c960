// Diagonal (Jacobi) preconditioning for solvers that see their matrix as a
// SparseOperator. Eigen's DiagonalPreconditioner finds the diagonal by
// iterating the matrix it is given, which an operator does not offer; this
// one reads it from the sparse matrix behind the operator, and otherwise
// does the same, so the solvers take the same steps. The interface is the
// one Eigen's iterative solvers call on their preconditioner.
#pragma once

#include <Eigen/Core>

#include "workloads/cfd/sparse_operator.h"

namespace corebench::cfd {

class JacobiPreconditioner {
 public:
  JacobiPreconditioner& analyzePattern(const SparseOperator&) { return *this; }
  JacobiPreconditioner& factorize(const SparseOperator& a);
  JacobiPreconditioner& compute(const SparseOperator& a) { return factorize(a); }

  template <class Rhs>
  auto solve(const Eigen::MatrixBase<Rhs>& b) const {
    return inverse_diagonal_.cwiseProduct(b.derived());
  }

  Eigen::ComputationInfo info() const { return Eigen::Success; }

 private:
  Eigen::VectorXd inverse_diagonal_;
};

}  // namespace corebench::cfd
