#include "workloads/hmmer/search_pipeline.h"

#include <cmath>
#include <numbers>

#include "workloads/hmmer/bias_filter.h"
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
// After the MSV filter passes against null1 it must pass against the bias
// filter's null too, which the Viterbi and Forward filters then score
// against (hmmsearch's pipeline).
template <typename V>
TargetScores filter_target(const Hmm& hmm, const Frequencies& composition, const Sequence& target,
                           const Calibration& c, const Thresholds& t, FilterRows<V>& rows,
                           double& cells) {
  const int length = target.length();
  const SearchProfile profile = make_search_profile(hmm, length);
  const double model_cells = static_cast<double>(hmm.length()) * length;
  TargetScores scores;
  scores.msv = msv_filter(make_msv_profile(profile), target.residues, rows);
  cells += model_cells;
  const auto passes_msv = [&](double null) {
    return gumbel_survival((scores.msv - null) / std::numbers::ln2, c.msv_mu, c.msv_lambda) <=
           t.msv;
  };
  if (!passes_msv(null_score(length))) return scores;
  const double null = bias_null_score(composition, hmm.length(), target.residues);
  scores.bias_null = null;
  if (!passes_msv(null)) return scores;
  scores.viterbi = viterbi_filter(make_viterbi_profile(profile), target.residues, rows);
  cells += model_cells;
  if (gumbel_survival((*scores.viterbi - null) / std::numbers::ln2, c.viterbi_mu,
                      c.viterbi_lambda) > t.viterbi)
    return scores;
  scores.forward = forward_filter(make_forward_profile(profile), target.residues, rows);
  cells += model_cells;
  scores.passed_forward = exponential_survival((*scores.forward - null) / std::numbers::ln2,
                                               c.forward_tau, c.forward_lambda) <= t.forward;
  return scores;
}

// The target's scores after domain definition and null2 (hmmsearch's
// per-sequence and best-domain columns).
Hit score_hit(const Hmm& hmm, const Sequence& target, std::size_t index, double forward,
              const Calibration& c, std::size_t targets, std::uint64_t seed,
              ForwardMatrix& workspace, double& cells) {
  const int n = target.length();
  const DomainDefinition definition = define_domains(hmm, target, seed, workspace);
  cells += definition.cells;
  Hit hit;
  hit.target = index;
  hit.domains = static_cast<int>(definition.domains.size());
  hit.decoded_forward = definition.forward;
  hit.multidomain_regions = definition.multidomain_regions;
  hit.split_envelopes = definition.split_envelopes;
  const double null1 = null_score(n);
  const double bias = sequence_bias(definition);
  double before = (forward - null1) / std::numbers::ln2;
  double score = (forward - null1 - bias) / std::numbers::ln2;
  // The sum of the domains that stay positive once corrected, with the
  // residues outside them scored by the C and N loops, replaces the
  // Forward score when it is higher.
  double sum = 0, sum_correction = 0;
  int covered = 0;
  for (const Domain& d : definition.domains) {
    if (d.envelope - d.correction <= 0) continue;
    sum += d.envelope;
    sum_correction += d.correction;
    covered += d.end - d.start + 1;
  }
  if (covered > 0) {
    sum += (n - covered) * std::log(static_cast<double>(n) / (n + 3));
    const double sum_bias = std::log1p(std::exp(std::log(1.0 / 256) + sum_correction));
    const double sum_score = (sum - null1 - sum_bias) / std::numbers::ln2;
    if (sum_score > score) {
      score = sum_score;
      before = (sum - null1) / std::numbers::ln2;
    }
  }
  hit.score = score;
  hit.bias = before - score;
  hit.evalue = forward_evalue(score, c, targets);
  if (!definition.domains.empty()) hit.best = definition.domains.front();
  for (const Domain& d : definition.domains)
    if (d.score > hit.best.score) hit.best = d;
  hit.best_evalue = forward_evalue(hit.best.score, c, targets);
  return hit;
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
  const Frequencies composition = model_composition(hmm);
  result.scores.reserve(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i) {
    result.scores.push_back(
        filter_target(hmm, composition, targets[i], c, settings.thresholds, rows, result.cells));
    const TargetScores& scores = result.scores.back();
    if (!scores.passed_forward) continue;
    // Each target's tracebacks have their own stream, so a target samples
    // the same whichever copy or split of the targets searches it.
    const std::uint64_t target_seed = seed * 0x2545f4914f6cdd1dull + i + 1;
    Hit hit = score_hit(hmm, targets[i], i, *scores.forward, c, targets.size(), target_seed,
                        rows.decoding, result.cells);
    result.multidomain_regions += hit.multidomain_regions;
    result.split_envelopes += hit.split_envelopes;
    if (hit.domains > 0 && hit.evalue <= settings.thresholds.report) result.hits.push_back(hit);
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
