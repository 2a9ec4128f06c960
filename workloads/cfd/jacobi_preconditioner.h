// Eigen's diagonal (Jacobi) preconditioner for solvers that see their
// matrix as a SparseOperator. Eigen's finds the diagonal by iterating the
// matrix it is given, which an operator does not offer; this one hands it
// the sparse matrix behind the operator. Everything else is Eigen's, so the
// solvers take the same steps as with a plain sparse matrix.
#pragma once

#include <Eigen/IterativeLinearSolvers>

#include "workloads/cfd/sparse_operator.h"

namespace corebench::cfd {

class JacobiPreconditioner : public Eigen::DiagonalPreconditioner<double> {
 public:
  JacobiPreconditioner& analyzePattern(const SparseOperator&) { return *this; }
  JacobiPreconditioner& factorize(const SparseOperator& a) {
    DiagonalPreconditioner::factorize(a.matrix());
    return *this;
  }
  JacobiPreconditioner& compute(const SparseOperator& a) { return factorize(a); }
};

}  // namespace corebench::cfd
