#include "workloads/cfd/jacobi_preconditioner.h"

namespace corebench::cfd {

// A zero on the diagonal leaves its row unscaled, as in Eigen's
// DiagonalPreconditioner, rather than making it infinite.
JacobiPreconditioner& JacobiPreconditioner::factorize(const SparseOperator& a) {
  const Eigen::VectorXd diagonal = a.matrix().diagonal();
  inverse_diagonal_ = (diagonal.array() != 0).select(diagonal.cwiseInverse(), 1);
  return *this;
}

}  // namespace corebench::cfd
