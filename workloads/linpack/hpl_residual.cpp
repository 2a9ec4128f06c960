#include "workloads/linpack/hpl_residual.h"

#include <omp.h>

#include <limits>
#include <vector>

#include "workloads/linpack/random_system.h"

namespace corebench::linpack {

ScaledResidual hpl_scaled_residual(std::uint64_t seed, const Eigen::Ref<const Eigen::VectorXd>& x) {
  const Eigen::Index n = x.size();
  // Per thread: its share of A x and of the absolute row sums of A.
  std::vector<Eigen::VectorXd> products(static_cast<std::size_t>(omp_get_max_threads()));
  std::vector<Eigen::VectorXd> row_sums(products.size());
#pragma omp parallel
  {
    const auto me = static_cast<std::size_t>(omp_get_thread_num());
    Eigen::VectorXd column(n), product = Eigen::VectorXd::Zero(n),
                               row_sum = Eigen::VectorXd::Zero(n);
#pragma omp for schedule(static)
    for (Eigen::Index j = 0; j < n; ++j) {
      fill_system_column(seed, j, column);
      product += x[j] * column;
      row_sum += column.cwiseAbs();
    }
    products[me] = std::move(product);
    row_sums[me] = std::move(row_sum);
  }
  Eigen::VectorXd b(n);
  fill_system_column(seed, n, b);
  Eigen::VectorXd residual = -b, row_sum = Eigen::VectorXd::Zero(n);
  for (std::size_t t = 0; t < products.size(); ++t) {
    if (products[t].size() == 0) continue;  // a thread the team did not start
    residual += products[t];
    row_sum += row_sums[t];
  }
  // A NaN anywhere in x must make the residual NaN, not be skipped by max.
  const auto max_norm = [](const auto& v) {
    return v.cwiseAbs().template maxCoeff<Eigen::PropagateNaN>();
  };
  ScaledResidual result;
  result.residual_norm = max_norm(residual);
  result.matrix_norm = row_sum.maxCoeff();
  const double scale = std::numeric_limits<double>::epsilon() *
                       (result.matrix_norm * max_norm(x) + max_norm(b)) * static_cast<double>(n);
  result.scaled = result.residual_norm / scale;
  return result;
}

}  // namespace corebench::linpack
