#include "workloads/linpack/system_lapack.h"

#include <dlfcn.h>
#include <fmt/format.h>

#include <climits>
#include <stdexcept>
#include <vector>

// LAPACK's Fortran interface (32-bit integers, hidden string lengths last).
extern "C" {
void dgetrf_(const int* m, const int* n, double* a, const int* lda, int* ipiv, int* info);
void dgetrs_(const char* trans, const int* n, const int* nrhs, const double* a, const int* lda,
             const int* ipiv, double* b, const int* ldb, int* info, std::size_t trans_len);
}

namespace corebench::linpack {
namespace {

// Looks up an optional, library-specific function in whatever is loaded.
template <class Function>
Function* loaded_function(const char* name) {
  return reinterpret_cast<Function*>(dlsym(RTLD_DEFAULT, name));
}

}  // namespace

void solve_with_system_lapack(Eigen::Ref<Eigen::MatrixXd> ab, Eigen::Ref<Eigen::VectorXd> x) {
  if (ab.rows() > INT_MAX || ab.outerStride() > INT_MAX)
    throw std::invalid_argument("blas=system: n is too large for LAPACK's 32-bit integers");
  const int n = static_cast<int>(ab.rows()), lda = static_cast<int>(ab.outerStride());
  const int one = 1;
  std::vector<int> pivots(static_cast<std::size_t>(n));
  int info = 0;
  dgetrf_(&n, &n, ab.data(), &lda, pivots.data(), &info);
  // info > 0 (an exactly zero pivot) still solves, into inf or NaN, which the
  // residual check reports.
  x = ab.col(n);
  dgetrs_("N", &n, &one, ab.data(), &lda, pivots.data(), x.data(), &n, &info, 1);
}

void set_system_lapack_threads(int threads) {
  if (auto* set_threads = loaded_function<void(int)>("openblas_set_num_threads"))
    set_threads(threads);
}

std::string system_lapack_description() {
  Dl_info where{};
  const std::string library = dladdr(reinterpret_cast<void*>(&dgetrf_), &where) && where.dli_fname
                                  ? where.dli_fname
                                  : "unknown library";
  auto* config = loaded_function<char*()>("openblas_get_config");
  auto* core = loaded_function<char*()>("openblas_get_corename");
  if (!config || !core) return fmt::format("LAPACK dgetrf+dgetrs from {}", library);
  return fmt::format("OpenBLAS dgetrf+dgetrs from {} ({}; kernels for {})", library, config(),
                     core());
}

}  // namespace corebench::linpack
