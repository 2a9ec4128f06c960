// A cell matrix as Eigen's iterative solvers see it. They take it through
// their documented matrix-free interface (an EigenBase type plus a product
// specialisation), so that every product they form, and the benchmark's, is
// multiply() below rather than Eigen's own sparse * dense product. That one
// zeroes the result on one thread, then reads it back to add each row in,
// and hands the rows out in dynamic chunks.
#pragma once

#include <Eigen/Core>

#include "workloads/cfd/cell_matrix.h"

namespace corebench::cfd {
class SparseOperator;
}  // namespace corebench::cfd

// The solvers read storage kind, scalar and index types from the traits.
namespace Eigen::internal {
template <>
struct traits<corebench::cfd::SparseOperator> : traits<corebench::cfd::SparseMatrix> {};
}  // namespace Eigen::internal

namespace corebench::cfd {

// y = A x for a compressed row-major A, each OpenMP thread writing one
// contiguous block of rows once. Each row sums in storage order, so the
// result is the same at every thread count.
void multiply(const SparseMatrix& a, Eigen::Ref<const Eigen::VectorXd> x,
              Eigen::Ref<Eigen::VectorXd> y);

// Refers to the matrix, which must outlive it; solvers keep a pointer to the
// operator in turn.
class SparseOperator : public Eigen::EigenBase<SparseOperator> {
 public:
  using Scalar = double;
  using RealScalar = double;
  using StorageIndex = int;
  enum {
    ColsAtCompileTime = Eigen::Dynamic,
    MaxColsAtCompileTime = Eigen::Dynamic,
    IsRowMajor = true,
  };

  explicit SparseOperator(const SparseMatrix& matrix) : matrix_(&matrix) {}

  Eigen::Index rows() const { return matrix_->rows(); }
  Eigen::Index cols() const { return matrix_->cols(); }
  const SparseMatrix& matrix() const { return *matrix_; }

  template <class Rhs>
  Eigen::Product<SparseOperator, Rhs, Eigen::AliasFreeProduct> operator*(
      const Eigen::MatrixBase<Rhs>& x) const {
    return {*this, x.derived()};
  }

 private:
  const SparseMatrix* matrix_;
};

}  // namespace corebench::cfd

namespace Eigen::internal {

template <class Rhs>
struct generic_product_impl<corebench::cfd::SparseOperator, Rhs, SparseShape, DenseShape,
                            GemvProduct>
    : generic_product_impl_base<corebench::cfd::SparseOperator, Rhs,
                                generic_product_impl<corebench::cfd::SparseOperator, Rhs>> {
  // y = A x and y.noalias() = A x: the solvers' products, written once.
  template <class Dest>
  static void evalTo(Dest& y, const corebench::cfd::SparseOperator& a, const Rhs& x) {
    corebench::cfd::multiply(a.matrix(), x, y);
  }

  // y += alpha A x, which Eigen requires of a product; no solver forms it.
  template <class Dest>
  static void scaleAndAddTo(Dest& y, const corebench::cfd::SparseOperator& a, const Rhs& x,
                            double alpha) {
    Eigen::VectorXd product(a.rows());
    corebench::cfd::multiply(a.matrix(), x, product);
    y += alpha * product;
  }
};

}  // namespace Eigen::internal
