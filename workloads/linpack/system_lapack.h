// The same solve through the system's LAPACK (dgetrf + dgetrs), for
// blas=system: Debian's alternatives decide which library that is (OpenBLAS,
// BLIS, reference LAPACK, ...), so the result names it.
#pragma once

#include <Eigen/Core>
#include <string>

namespace corebench::linpack {

// Solves with the leading n x n block of `ab` as A and its last column as b;
// overwrites `ab` with the LU factors.
void solve_with_system_lapack(Eigen::Ref<Eigen::MatrixXd> ab, Eigen::Ref<Eigen::VectorXd> x);

// Asks the library for `threads` threads where it has its own thread pool
// (OpenBLAS built with pthreads); OpenMP builds follow omp_set_num_threads.
void set_system_lapack_threads(int threads);

// The shared object that provides dgetrf, and for OpenBLAS its build
// configuration and the kernel set it chose for this CPU.
std::string system_lapack_description();

}  // namespace corebench::linpack
