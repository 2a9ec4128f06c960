#include "workloads/hmmer/synthetic_library.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "workloads/common/splitmix64.h"
#include "workloads/hmmer/dirichlet_priors.h"

namespace corebench::hmmer {
namespace {

// Effective sequence count a draw from the prior is blended with, as
// hmmbuild's entropy weighting leaves a Pfam model a few effective
// sequences: without it, draws from these priors (alpha sums near 1) put
// nearly all of a state's probability on one residue or transition.
constexpr double kEffectiveSequences = 6;

class Random {
 public:
  explicit Random(std::uint64_t seed) : bits_(seed) {}

  double uniform() { return bits_.uniform(); }
  double open_uniform() {
    double u = 0;
    while (u <= 0) u = bits_.uniform();
    return u;
  }
  double normal() {
    return std::sqrt(-2 * std::log(open_uniform())) *
           std::cos(2 * std::numbers::pi * bits_.uniform());
  }
  // Marsaglia and Tsang (2000); shapes below 1 by the u^(1/a) boost.
  double gamma(double shape) {
    if (shape < 1) return gamma(shape + 1) * std::pow(open_uniform(), 1 / shape);
    const double d = shape - 1.0 / 3;
    const double c = 1 / std::sqrt(9 * d);
    while (true) {
      const double z = normal();
      const double v = std::pow(1 + c * z, 3);
      if (v <= 0) continue;
      if (std::log(open_uniform()) < 0.5 * z * z + d - d * v + d * std::log(v)) return d * v;
    }
  }

 private:
  SplitMix64 bits_;
};

// A draw from Dirichlet(alpha), blended with the prior's mean as a
// posterior estimate from kEffectiveSequences counts would be.
template <std::size_t N>
std::array<double, N> smoothed_draw(Random& random, const std::array<double, N>& alpha) {
  std::array<double, N> draw{};
  double sum = 0;
  for (std::size_t i = 0; i < N; ++i) sum += draw[i] = random.gamma(alpha[i]);
  double alpha_sum = 0;
  for (double a : alpha) alpha_sum += a;
  for (std::size_t i = 0; i < N; ++i)
    draw[i] = (kEffectiveSequences * draw[i] / sum + alpha[i]) / (kEffectiveSequences + alpha_sum);
  return draw;
}

Frequencies match_emissions(Random& random) {
  const auto& prior = match_emission_prior();
  double u = random.uniform();
  std::size_t c = 0;
  while (c + 1 < prior.size() && u >= prior[c].weight) u -= prior[c++].weight;
  return smoothed_draw(random, prior[c].alpha);
}

Transitions transitions(Random& random) {
  const auto m = smoothed_draw(random, kMatchTransitionPrior);
  const auto i = smoothed_draw(random, kInsertTransitionPrior);
  const auto d = smoothed_draw(random, kDeleteTransitionPrior);
  return {m[0], m[1], m[2], i[0], i[1], d[0], d[1]};
}

int model_length(Random& random) {
  const double length = kMedianLength * std::exp(kLengthSpread * random.normal());
  return std::clamp(static_cast<int>(std::lround(length)), kShortest, kLongest);
}

Hmm synthetic_model(Random& random, int index) {
  Hmm hmm;
  hmm.name = fmt::format("synth{:05d}", index + 1);
  hmm.accession = fmt::format("CB{:05d}.1", index + 1);
  hmm.description = "corebench synthetic model (HMMER 3 default priors)";
  hmm.nodes.resize(static_cast<std::size_t>(model_length(random)) + 1);
  for (std::size_t k = 0; k < hmm.nodes.size(); ++k) {
    Node& node = hmm.nodes[k];
    if (k > 0) node.match = match_emissions(random);
    node.insert = background_frequencies();
    node.out = transitions(random);
  }
  // No D_0 and no node after the last: the begin state's delete row and
  // the last node's moves into a next node's delete state are unused.
  hmm.nodes[0].out[kDM] = 1;
  hmm.nodes[0].out[kDD] = 0;
  Node& last = hmm.nodes.back();
  last.out[kMD] = 0;
  last.out[kDM] = 1;
  last.out[kDD] = 0;
  normalise(hmm);
  return hmm;
}

}  // namespace

std::vector<Hmm> synthetic_library(int count, std::uint64_t seed) {
  std::vector<Hmm> library;
  library.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    Random random(seed * 0x9e3779b97f4a7c15ull + static_cast<std::uint64_t>(i));
    library.push_back(synthetic_model(random, i));
  }
  return library;
}

}  // namespace corebench::hmmer
