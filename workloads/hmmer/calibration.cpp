#include "workloads/hmmer/calibration.h"

#include <cmath>
#include <numbers>

#include "workloads/hmmer/score_statistics.h"
#include "workloads/hmmer/search_profile.h"
#include "workloads/hmmer/sequence.h"

namespace corebench::hmmer {
namespace {

enum Stream { kMsvStream, kViterbiStream, kForwardStream };

std::uint64_t stream_state(std::uint64_t seed, int stream) {
  return seed * 0x2545f4914f6cdd1dull +
         0x9e3779b97f4a7c15ull * static_cast<std::uint64_t>(stream + 1);
}

// Bit scores of `count` background sequences of `length` residues.
template <typename Score>
std::vector<double> background_scores(std::uint64_t seed, int stream, int length, int count,
                                      Score score) {
  std::uint64_t state = stream_state(seed, stream);
  Residues residues;
  std::vector<double> scores;
  scores.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    random_residues(state, length, residues);
    scores.push_back(bit_score(score(residues), length));
  }
  return scores;
}

}  // namespace

double expected_lambda(const Hmm& hmm) {
  return std::numbers::ln2 + 1.44 / (hmm.length() * mean_relative_entropy(hmm));
}

Residues calibration_sequence(std::uint64_t seed, int stream, int length) {
  std::uint64_t state = stream_state(seed, stream);
  Residues residues;
  random_residues(state, length, residues);
  return residues;
}

template <typename V>
Calibration calibrate(const Hmm& hmm, std::uint64_t seed, const CalibrationPlan& plan,
                      FilterRows<V>& rows, double& cells) {
  const double lambda = expected_lambda(hmm);
  const double m = hmm.length();
  Calibration c;
  c.msv_lambda = c.viterbi_lambda = c.forward_lambda = lambda;

  const MsvProfile msv = make_msv_profile(make_search_profile(hmm, plan.msv_length));
  const auto msv_scores =
      background_scores(seed, kMsvStream, plan.msv_length, plan.msv_count,
                        [&](const Residues& r) { return msv_filter(msv, r, rows); });
  c.msv_mu = fit_gumbel_location(msv_scores, lambda);

  const ViterbiProfile vit = make_viterbi_profile(make_search_profile(hmm, plan.viterbi_length));
  const auto vit_scores =
      background_scores(seed, kViterbiStream, plan.viterbi_length, plan.viterbi_count,
                        [&](const Residues& r) { return viterbi_filter(vit, r, rows); });
  c.viterbi_mu = fit_gumbel_location(vit_scores, lambda);

  const ForwardProfile fwd = make_forward_profile(make_search_profile(hmm, plan.forward_length));
  const auto fwd_scores =
      background_scores(seed, kForwardStream, plan.forward_length, plan.forward_count,
                        [&](const Residues& r) { return forward_filter(fwd, r, rows); });
  const Gumbel fit = fit_gumbel(fwd_scores);
  c.forward_tau = gumbel_quantile(1 - plan.forward_tail, fit.mu, fit.lambda) +
                  std::log(plan.forward_tail) / lambda;

  cells += m * (static_cast<double>(plan.msv_length) * plan.msv_count +
                static_cast<double>(plan.viterbi_length) * plan.viterbi_count +
                static_cast<double>(plan.forward_length) * plan.forward_count);
  return c;
}

template Calibration calibrate<ScalarVectors>(const Hmm&, std::uint64_t, const CalibrationPlan&,
                                              FilterRows<ScalarVectors>&, double&);
#if defined(__SSE2__) || defined(__ARM_NEON)
template Calibration calibrate<NativeVectors>(const Hmm&, std::uint64_t, const CalibrationPlan&,
                                              FilterRows<NativeVectors>&, double&);
#endif

}  // namespace corebench::hmmer
