#include "workloads/linpack/random_system.h"

namespace corebench::linpack {
namespace {

// SplitMix64 (Steele, Lea, Flood 2014): a full-period 64-bit generator whose
// output passes BigCrush; seeding each column through its mixer gives
// independent-looking streams from consecutive column numbers.
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

void fill_system_column(std::uint64_t seed, Eigen::Index column, Eigen::Ref<Eigen::VectorXd> out) {
  std::uint64_t state = seed ^ (0x2545f4914f6cdd1dull * static_cast<std::uint64_t>(column + 1));
  state = splitmix64(state);
  // The top 53 bits as a fraction in [0, 1): every value is exact in double.
  for (Eigen::Index i = 0; i < out.size(); ++i)
    out[i] = static_cast<double>(splitmix64(state) >> 11) * 0x1.0p-53 - 0.5;
}

void fill_system(std::uint64_t seed, Eigen::Ref<Eigen::MatrixXd> ab) {
#pragma omp parallel for schedule(static)
  for (Eigen::Index j = 0; j < ab.cols(); ++j) fill_system_column(seed, j, ab.col(j));
}

}  // namespace corebench::linpack
