#include "workloads/hmmer/bias_filter.h"

#include <array>
#include <cmath>

#include "workloads/hmmer/search_profile.h"

namespace corebench::hmmer {

double bias_null_score(const Frequencies& composition, int model_length,
                       const std::vector<std::uint8_t>& sequence) {
  constexpr double kNormalLength = 400;
  const double biased_length = model_length / 8.0;
  const double stay_normal = kNormalLength / (kNormalLength + 1);
  const double to_biased = 1 / (kNormalLength + 1);
  const double to_normal = 1 / (biased_length + 1);
  const double stay_biased = biased_length / (biased_length + 1);
  // Emissions as odds against the background, so the normal state's are
  // 1 and the result is a log-odds score plus null1's length term.
  const Frequencies& f = background_frequencies();
  std::array<double, kCodes> odds{};
  odds.fill(1.0);
  for (int x = 0; x < kResidues; ++x) odds[x] = composition[x] / f[x];
  double normal = 0.999, biased = 0.001, log_scale = 0;
  bool first = true;
  for (std::uint8_t x : sequence) {
    if (first) {
      biased *= odds[x];
      first = false;
    } else {
      const double n = normal * stay_normal + biased * to_normal;
      biased = (normal * to_biased + biased * stay_biased) * odds[x];
      normal = n;
    }
    const double sum = normal + biased;  // rescale each row
    normal /= sum;
    biased /= sum;
    log_scale += std::log(sum);
  }
  return log_scale + null_score(static_cast<int>(sequence.size()));
}

}  // namespace corebench::hmmer
