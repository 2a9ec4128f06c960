#include "workloads/hmmer/search_pipeline.h"

#include "workloads/hmmer/score_statistics.h"
#include "workloads/hmmer/search_profile.h"

namespace corebench::hmmer {

bool needs_calibration(const Hmm& hmm, CalibrateMode mode) {
  return mode == CalibrateMode::Yes || (mode == CalibrateMode::Auto && !hmm.calibration);
}

double forward_evalue(double bits, const Calibration& c, std::size_t targets) {
  return exponential_survival(bits, c.forward_tau, c.forward_lambda) * static_cast<double>(targets);
}

namespace {

// The filters a target passes, in order; the scores it got on the way.
template <typename V>
TargetScores filter_target(const Hmm& hmm, const Sequence& target, const Calibration& c,
                           const Thresholds& t, FilterRows<V>& rows, double& cells) {
  const int length = target.length();
  const SearchProfile profile = make_search_profile(hmm, length);
  const double model_cells = static_cast<double>(hmm.length()) * length;
  TargetScores scores;
  scores.msv = msv_filter(make_msv_profile(profile), target.residues, rows);
  cells += model_cells;
  if (gumbel_survival(bit_score(scores.msv, length), c.msv_mu, c.msv_lambda) > t.msv) return scores;
  scores.viterbi = viterbi_filter(make_viterbi_profile(profile), target.residues, rows);
  cells += model_cells;
  if (gumbel_survival(bit_score(*scores.viterbi, length), c.viterbi_mu, c.viterbi_lambda) >
      t.viterbi)
    return scores;
  scores.forward = forward_filter(make_forward_profile(profile), target.residues, rows);
  cells += model_cells;
  return scores;
}

}  // namespace

template <typename V>
ModelSearch search_model(const Hmm& hmm, const std::vector<Sequence>& targets,
                         const SearchSettings& settings, std::uint64_t seed, FilterRows<V>& rows) {
  ModelSearch result;
  result.calibration = needs_calibration(hmm, settings.calibrate)
                           ? calibrate(hmm, seed, settings.plan, rows, result.cells)
                           : *hmm.calibration;
  const Calibration& c = result.calibration;
  result.scores.reserve(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i) {
    result.scores.push_back(
        filter_target(hmm, targets[i], c, settings.thresholds, rows, result.cells));
    const auto& forward = result.scores.back().forward;
    if (!forward) continue;
    const double bits = bit_score(*forward, targets[i].length());
    const double p = exponential_survival(bits, c.forward_tau, c.forward_lambda);
    const double evalue = forward_evalue(bits, c, targets.size());
    if (p <= settings.thresholds.forward && evalue <= settings.thresholds.report)
      result.hits.push_back({i, bits, evalue});
  }
  return result;
}

template ModelSearch search_model<ScalarVectors>(const Hmm&, const std::vector<Sequence>&,
                                                 const SearchSettings&, std::uint64_t,
                                                 FilterRows<ScalarVectors>&);
#if defined(__SSE2__) || defined(__ARM_NEON)
template ModelSearch search_model<NativeVectors>(const Hmm&, const std::vector<Sequence>&,
                                                 const SearchSettings&, std::uint64_t,
                                                 FilterRows<NativeVectors>&);
#endif

}  // namespace corebench::hmmer
