// C -= A B for the trailing updates of the blocked LU, blocked for the caches
// as GotoBLAS does it, on Eigen's portable packet primitives.
//
// Eigen 3.4's own product kernel (24x4 for double with AVX-512) streams its
// lhs micro-panel from L2 on every call and reaches only about 80% of
// OpenBLAS's dgemm here. This one keeps a kc x nr micro-panel of B in L1 and
// an mc x kc block of A in L2, with a 3-packet x 8 register tile, as OpenBLAS
// does. The rounding of every element of C depends only on the row blocking
// and kc, never on which columns a call covers: callers may split C by
// columns in any way and get the same bits.
#pragma once

#include <Eigen/Core>

namespace corebench::linpack {

// c -= a * b; c is a.rows() x b.cols(), a.cols() == b.rows().
void subtract_product(Eigen::Ref<Eigen::MatrixXd> c, const Eigen::Ref<const Eigen::MatrixXd>& a,
                      const Eigen::Ref<const Eigen::MatrixXd>& b);

}  // namespace corebench::linpack
