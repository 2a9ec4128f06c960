#include "workloads/aobench/picture_bound.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace corebench::aobench {
namespace {

constexpr double kFullScale = 255.0;
// One-sided normal quantile of the false-failure probability: a correct
// picture fails with probability about 3e-7 (normal tail at 5 sd).
constexpr double kFalseFailureZ = 5.0;
// Byte conversion: the run truncates f * 255.5 (ao.c), an error in (-1, 0.5]
// against 255 f; the reference was rounded to bytes (uniform, 1/12).
constexpr double kRoundingMse = 1.0 + 1.0 / 12.0;
// At an edge of step D across a compared pixel sampled by an m x m grid,
// point samples and the area disagree on the covered share by up to 1/m of
// the pixel, an error of up to D / m. Correct pictures reach at most a
// quarter of that worst case (measured over sizes 16 to 512 and 1 to 4
// subsamples with little noise; docs/workloads/raytracing.md); a margin of 2.
constexpr double kEdgeShare = 0.5;

// The reference around one compared pixel: the smallest and largest value
// (as open fractions) of its 3x3 neighbourhood.
struct Neighbourhood {
  double low = 0, high = 0;
};

std::vector<Neighbourhood> neighbourhoods(const RgbImage& reference, int size) {
  const std::vector<double> grey = area_resample(reference, size, size);
  const auto at = [&](int x, int y) { return grey[(std::size_t(y) * size + x) * 3] / kFullScale; };
  std::vector<Neighbourhood> result;
  result.reserve(std::size_t(size) * size);
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x) {
      Neighbourhood n{at(x, y), at(x, y)};
      for (int ny = std::max(0, y - 1); ny <= std::min(size - 1, y + 1); ++ny)
        for (int nx = std::max(0, x - 1); nx <= std::min(size - 1, x + 1); ++nx) {
          n.low = std::min(n.low, at(nx, ny));
          n.high = std::max(n.high, at(nx, ny));
        }
      result.push_back(n);
    }
  return result;
}

// Occlusion rays behind one compared pixel.
double rays_per_compared_pixel(const Settings& s, int compared) {
  return s.rays_per_pixel() * std::pow(double(s.size) / compared, 2);
}

}  // namespace

// The fixed differences add at worst in phase; the noise is independent.
double PictureBound::total() const {
  return noise + std::pow(std::sqrt(aliasing) + std::sqrt(reference), 2);
}

PictureBound picture_bound(const Settings& run, const RgbImage& reference) {
  PictureBound bound;
  const int compared = std::min(run.size, reference.width);
  bound.compared_size = compared;
  const std::vector<Neighbourhood> around = neighbourhoods(reference, compared);
  const double pixels = static_cast<double>(around.size());

  // How much edge there is to alias at this size: the mean squared step.
  double edges = 0;
  for (const Neighbourhood& n : around) edges += std::pow(kFullScale * (n.high - n.low), 2);
  edges /= pixels;
  const auto aliasing = [&](const Settings& s) {
    const double m = double(s.size) / compared * s.subsamples;  // samples per side
    return kEdgeShare * edges / (m * m);
  };

  // A compared pixel is the mean of M Bernoulli trials (an occlusion ray is
  // open or not; a primary ray that misses adds a fixed 0), so its variance
  // is at most q (1 - q) / M for q its expected open fraction (concavity:
  // the trials' own p (1 - p) average to no more). q is not known exactly;
  // the value in the reference's neighbourhood nearest 1/2 bounds it.
  const auto trial_variance = [](const Neighbourhood& n) {
    const double q = std::clamp(0.5, n.low, n.high);
    return q * (1 - q);
  };
  const double reference_rays = rays_per_compared_pixel(kReferenceSettings, compared);
  const double rays = rays_per_compared_pixel(run, compared);
  double variance = 0, reference_variance = 0, spread = 0, largest = 0;
  for (const Neighbourhood& n : around) {
    const double v = trial_variance(n);
    variance += v / rays;
    reference_variance += v / reference_rays;
    // e, the mean of M centred terms in [-1, 1]: E e^4 <= v / M^3 + 3 v^2 / M^2.
    spread += v / (rays * rays * rays) + 3 * v * v / (rays * rays);
    largest = std::max(largest, v / rays);
  }
  const double full = kFullScale * kFullScale;
  bound.aliasing = aliasing(run);
  bound.reference =
      full * reference_variance / pixels + aliasing(kReferenceSettings) + kRoundingMse;
  // The mean over the N pixels of e^2, and of the cross terms 2 e d with the
  // fixed differences d (mean square at most D), spreads by
  // sqrt(sum Var e^2 + 4 N max Var e D) / N; N is at least 256, enough for
  // the normal approximation.
  const double fixed = std::pow(std::sqrt(bound.aliasing) + std::sqrt(bound.reference), 2);
  const double sd = std::sqrt(full * full * spread + 4 * pixels * full * largest * fixed) / pixels;
  bound.noise = full * variance / pixels + kFalseFailureZ * sd;
  return bound;
}

}  // namespace corebench::aobench
