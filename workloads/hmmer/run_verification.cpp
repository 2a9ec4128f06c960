#include "workloads/hmmer/run_verification.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "workloads/hmmer/filter_reference.h"
#include "workloads/hmmer/generic_dp.h"
#include "workloads/hmmer/vector128.h"

namespace corebench::hmmer {
namespace {

// First, middle and last model: short and long ones alike in a library.
std::set<std::size_t> sample(std::size_t count) {
  return {0, count / 2, count - 1};
}

struct ScoreCheck {
  double worst_msv = 0, worst_viterbi = 0, worst_forward = 0;
  std::string problem;
};

void check_target(const Hmm& hmm, const Sequence& target, const TargetScores& scores,
                  ScoreCheck& check) {
  const SearchProfile profile = make_search_profile(hmm, target.length());
  const double msv = msv_discrepancy(profile, target.residues, scores.msv);
  check.worst_msv = std::max(check.worst_msv, msv);
  if (scores.viterbi)
    check.worst_viterbi = std::max(check.worst_viterbi,
                                   viterbi_discrepancy(profile, target.residues, *scores.viterbi));
  if (scores.forward) {
    const double reference = generic_forward(profile, target.residues);
    check.worst_forward =
        std::max(check.worst_forward, std::abs(*scores.forward - reference) / std::numbers::ln2);
  }
  if (check.problem.empty() && (check.worst_msv > 1e-6 || check.worst_viterbi > 1e-6 ||
                                check.worst_forward > kForwardBoundBits))
    check.problem = fmt::format(
        "model {} on {}: filter scores off the generic DP by {:.3g} (MSV), "
        "{:.3g} (Viterbi), {:.3g} (Forward) bits",
        hmm.name, target.name, check.worst_msv, check.worst_viterbi, check.worst_forward);
}

bool evalue_differs(double evalue, double expected) {
  return std::abs(evalue - expected) > 1e-9 * std::max(1e-300, expected);
}

// Each hit's E-values follow from its scores, and the double-precision
// Forward of its posterior decoding agrees with the vector Forward filter.
std::string hit_problem(const Hmm& hmm, const ModelSearch& search, std::size_t targets) {
  for (const Hit& hit : search.hits) {
    const double expected = forward_evalue(hit.score, search.calibration, targets);
    if (evalue_differs(hit.evalue, expected))
      return fmt::format("model {}: a hit's E-value {} is not its score's ({})", hmm.name,
                         hit.evalue, expected);
    const double best = forward_evalue(hit.best.score, search.calibration, targets);
    if (evalue_differs(hit.best_evalue, best))
      return fmt::format("model {}: a best domain's E-value {} is not its score's ({})", hmm.name,
                         hit.best_evalue, best);
    const auto& forward = search.scores[hit.target].forward;
    const double off =
        std::abs(forward.value_or(HUGE_VAL) - hit.decoded_forward) / std::numbers::ln2;
    if (!(off <= kForwardBoundBits))
      return fmt::format("model {}: the decoding's Forward is {:.3g} bits off the filter's",
                         hmm.name, off);
  }
  return {};
}

}  // namespace

Verdict verify_run(const std::vector<Hmm>& models, const std::vector<Sequence>& targets,
                   const std::vector<std::vector<ModelSearch>>& copies) {
  Verdict verdict;
  const auto& first = copies.front();
  std::string problem;
  for (std::size_t c = 1; c < copies.size() && problem.empty(); ++c)
    if (copies[c] != first)
      problem = fmt::format("copy {} found other scores or hits than copy 0", c);
  ScoreCheck check;
  for (std::size_t m : sample(models.size()))
    for (std::size_t t = 0; t < targets.size() && t < 4; ++t)
      check_target(models[m], targets[t], first[m].scores[t], check);
  if (problem.empty()) problem = check.problem;
  double hits = 0, cells = 0, bias_runs = 0, viterbi_runs = 0, forward_runs = 0, decoded = 0;
  double multidomain = 0, split = 0;
  for (std::size_t m = 0; m < models.size(); ++m) {
    if (problem.empty()) problem = hit_problem(models[m], first[m], targets.size());
    hits += static_cast<double>(first[m].hits.size());
    cells += first[m].cells;
    multidomain += first[m].multidomain_regions;
    split += first[m].split_envelopes;
    for (const TargetScores& s : first[m].scores) {
      bias_runs += s.bias_null.has_value();
      viterbi_runs += s.viterbi.has_value();
      forward_runs += s.forward.has_value();
      decoded += s.passed_forward;
    }
  }
  verdict.ok = problem.empty();
  verdict.facts = {{"models", static_cast<double>(models.size())},
                   {"targets", static_cast<double>(targets.size())},
                   {"copies", static_cast<double>(copies.size())},
                   {"hits", hits},
                   {"cells_per_copy", cells},
                   {"passed_msv", bias_runs},
                   {"passed_bias", viterbi_runs},
                   {"passed_viterbi", forward_runs},
                   {"passed_forward", decoded},
                   {"multidomain_regions", multidomain},
                   {"split_envelopes", split},
                   {"worst_msv_bits", check.worst_msv},
                   {"worst_viterbi_bits", check.worst_viterbi},
                   {"worst_forward_bits", check.worst_forward}};
  verdict.detail =
      verdict.ok
          ? fmt::format(
                "filters on 128-bit {} vectors; {} copies agree; sampled MSV and Viterbi scores "
                "equal the generic DP "
                "on their rounded scores, Forward within {:.1g} bits of the double "
                "DP ({:.2g}); {} hits, E-values from their scores",
                NativeVectors::kName, copies.size(), kForwardBoundBits, check.worst_forward, hits)
          : problem;
  return verdict;
}

}  // namespace corebench::hmmer
