#include "workloads/hmmer/filter_reference.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace corebench::hmmer {
namespace {

double in_units(double nats, double scale) {
  return nats == -HUGE_VAL ? -HUGE_VAL : static_cast<double>(std::lround(nats * scale)) / scale;
}

SpecialMoves free_loops(double move, double end_loop, double end_move) {
  return {.loop = 0, .move = move, .end_loop = end_loop, .end_move = end_move};
}

}  // namespace

SearchProfile msv_as_rounded(const SearchProfile& profile, const MsvProfile& msv) {
  SearchProfile rounded = profile;
  // A byte cost is at most 255, so no emission scores below bias - 255.
  const double lowest = (msv.bias - 255.0) / msv.scale;
  for (int k = 1; k <= profile.length; ++k)
    for (double& score : rounded.match[k])
      score = std::max(lowest, in_units(std::max(score, -1e3), msv.scale));
  rounded.msv_entry = -msv.entry / msv.scale;
  rounded.special = free_loops(-msv.move / msv.scale, -msv.end / msv.scale, -msv.end / msv.scale);
  return rounded;
}

SearchProfile viterbi_as_rounded(const SearchProfile& profile, const ViterbiProfile& vit) {
  SearchProfile rounded = profile;
  for (int k = 1; k <= profile.length; ++k) {
    for (double& score : rounded.match[k]) score = in_units(score, vit.scale);
    for (double& move : rounded.moves[k]) move = in_units(move, vit.scale);
    rounded.begin[k] = in_units(rounded.begin[k], vit.scale);
  }
  for (double& move : rounded.moves[0]) move = in_units(move, vit.scale);
  rounded.special =
      free_loops(vit.move / vit.scale, vit.end_loop / vit.scale, vit.end_move / vit.scale);
  return rounded;
}

}  // namespace corebench::hmmer

namespace corebench::hmmer {
namespace {

double discrepancy(double score, double reference, double overflow) {
  if (std::isinf(score)) return reference >= overflow - 1e-9 ? 0.0 : HUGE_VAL;
  return std::abs(score - reference) / std::numbers::ln2;
}

}  // namespace

double msv_discrepancy(const SearchProfile& profile, const Residues& sequence, double score) {
  const MsvProfile msv = make_msv_profile(profile);
  const double reference = generic_msv(msv_as_rounded(profile, msv), sequence) + kLoopCorrection;
  const double overflow =
      (255.0 - msv.bias - msv.end - msv.move - msv.base) / msv.scale + kLoopCorrection;
  return discrepancy(score, reference, overflow);
}

double viterbi_discrepancy(const SearchProfile& profile, const Residues& sequence, double score) {
  const ViterbiProfile vit = make_viterbi_profile(profile);
  const double reference =
      generic_viterbi(viterbi_as_rounded(profile, vit), sequence) + kLoopCorrection;
  const double overflow = (32767.0 + vit.end_move + vit.move) / vit.scale + kLoopCorrection;
  return discrepancy(score, reference, overflow);
}

}  // namespace corebench::hmmer
