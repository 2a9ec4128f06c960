#include "workloads/hmmer/search_profile.h"

#include <cmath>

namespace corebench::hmmer {
namespace {

double log_or_minus_infinity(double p) {
  return p > 0 ? std::log(p) : -HUGE_VAL;
}

// The probability that a path through the core model uses M_k (HMMER's
// match occupancy), which local entry is proportional to.
std::vector<double> match_occupancy(const Hmm& hmm) {
  const int m = hmm.length();
  std::vector<double> occupancy(static_cast<std::size_t>(m) + 1, 0.0);
  occupancy[1] = hmm.nodes[0].out[kMI] + hmm.nodes[0].out[kMM];
  for (int k = 2; k <= m; ++k) {
    const Transitions& t = hmm.nodes[k - 1].out;
    occupancy[k] = occupancy[k - 1] * (t[kMM] + t[kMI]) + (1 - occupancy[k - 1]) * t[kDM];
  }
  return occupancy;
}

}  // namespace

SpecialMoves special_moves(int length) {
  const double l = length;
  return {.loop = std::log(l / (l + 3)),
          .move = std::log(3 / (l + 3)),
          .end_loop = std::log(0.5),
          .end_move = std::log(0.5)};
}

SpecialMoves unihit_special_moves(int length) {
  const double l = length;
  return {.loop = std::log(l / (l + 2)),
          .move = std::log(2 / (l + 2)),
          .end_loop = -HUGE_VAL,
          .end_move = 0};
}

double null_score(int length) {
  const double l = length;
  return l * std::log(l / (l + 1)) + std::log(1 / (l + 1));
}

double uniform_entry(int model_length) {
  const double m = model_length;
  return std::log(2 / (m * (m + 1)));
}

double mean_relative_entropy(const Hmm& hmm) {
  const Frequencies& f = background_frequencies();
  double sum = 0;
  for (int k = 1; k <= hmm.length(); ++k)
    for (int x = 0; x < kResidues; ++x) {
      const double p = hmm.nodes[k].match[x];
      if (p > 0) sum += p * std::log2(p / f[x]);
    }
  return sum / hmm.length();
}

SearchProfile make_search_profile(const Hmm& hmm, int target_length) {
  const int m = hmm.length();
  const auto size = static_cast<std::size_t>(m) + 1;
  SearchProfile profile;
  profile.length = m;
  profile.match.assign(size, ResidueScores{});
  profile.moves.assign(size, Transitions{});
  profile.begin.assign(size, -HUGE_VAL);
  const Frequencies& f = background_frequencies();
  for (int k = 1; k <= m; ++k)
    for (int x = 0; x < kResidues; ++x)
      profile.match[k][x] = log_or_minus_infinity(hmm.nodes[k].match[x] / f[x]);
  for (int k = 0; k <= m; ++k)
    for (int t = 0; t < kTransitions; ++t)
      profile.moves[k][t] = log_or_minus_infinity(hmm.nodes[k].out[t]);
  // Local mode: the last node exits to E only; nothing enters D_1.
  profile.moves[m][kMM] = profile.moves[m][kMI] = profile.moves[m][kMD] = -HUGE_VAL;
  profile.moves[m][kDM] = profile.moves[m][kDD] = -HUGE_VAL;
  const auto occupancy = match_occupancy(hmm);
  double z = 0;
  for (int k = 1; k <= m; ++k) z += occupancy[k] * (m - k + 1);
  for (int k = 1; k <= m; ++k) profile.begin[k] = log_or_minus_infinity(occupancy[k] / z);
  profile.msv_entry = uniform_entry(m);
  profile.special = special_moves(target_length);
  profile.target_length = target_length;
  return profile;
}

}  // namespace corebench::hmmer
