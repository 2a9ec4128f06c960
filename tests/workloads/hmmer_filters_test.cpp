// The striped filters against the plain double-precision DP on random
// models, and the native vector layer against the scalar one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "workloads/common/splitmix64.h"
#include "workloads/hmmer/calibration.h"
#include "workloads/hmmer/filter_reference.h"
#include "workloads/hmmer/filters.h"
#include "workloads/hmmer/generic_dp.h"
#include "workloads/hmmer/sequence.h"
#include "workloads/hmmer/synthetic_library.h"

namespace corebench::hmmer {
namespace {

// A sequence the model scores well: its most likely residues over a window
// of 25 positions, two in five changed at random, in background flanks.
Residues homolog(const Hmm& hmm, std::uint64_t seed, int flank) {
  SplitMix64 random(seed);
  Residues flanks;
  std::uint64_t state = seed;
  random_residues(state, 2 * flank, flanks);
  Residues sequence(flanks.begin(), flanks.begin() + flank);
  const int window = std::min(hmm.length(), 25);
  const int from =
      1 + static_cast<int>(random.next() % static_cast<std::uint64_t>(hmm.length() - window + 1));
  for (int k = from; k < from + window; ++k) {
    const Frequencies& e = hmm.nodes[k].match;
    auto best = static_cast<std::uint8_t>(std::max_element(e.begin(), e.end()) - e.begin());
    if (random.next() % 5 < 2) best = static_cast<std::uint8_t>(random.next() % kResidues);
    sequence.push_back(best);
  }
  sequence.insert(sequence.end(), flanks.begin() + flank, flanks.end());
  return sequence;
}

struct Case {
  Hmm hmm;
  Residues sequence;
  std::string what;
};

// Models of many lengths (one stripe to hundreds), each with a background
// sequence and a homologous one.
std::vector<Case> cases() {
  std::vector<Case> all;
  auto library = synthetic_library(24, 5);
  library[0].nodes.resize(3);  // M = 2: fewer positions than lanes
  library[0].nodes.back().out = {1, 0, 0, 1, 0, 1, 0};
  for (std::size_t i = 0; i < library.size(); ++i) {
    std::uint64_t state = 77 + i;
    Residues background;
    random_residues(state, 50 + 40 * static_cast<int>(i % 7), background);
    all.push_back({library[i], background, "background"});
    all.push_back({library[i], homolog(library[i], 99 + i, 30), "homolog"});
  }
  return all;
}

double bits(double nats) {
  return nats / std::numbers::ln2;
}

TEST(HmmerFilters, NativeLayerEqualsScalarLayer) {
  FilterRows<ScalarVectors> scalar_rows;
  FilterRows<NativeVectors> native_rows;
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.hmm.name + " " + c.what + " M=" + std::to_string(c.hmm.length()));
    const SearchProfile profile = make_search_profile(c.hmm, static_cast<int>(c.sequence.size()));
    const MsvProfile msv = make_msv_profile(profile);
    const ViterbiProfile vit = make_viterbi_profile(profile);
    const ForwardProfile fwd = make_forward_profile(profile);
    EXPECT_EQ(msv_filter(msv, c.sequence, scalar_rows), msv_filter(msv, c.sequence, native_rows));
    EXPECT_EQ(viterbi_filter(vit, c.sequence, scalar_rows),
              viterbi_filter(vit, c.sequence, native_rows));
    EXPECT_NEAR(forward_filter(fwd, c.sequence, scalar_rows),
                forward_filter(fwd, c.sequence, native_rows), 1e-4);
  }
}

// On the scores the integer filters use (rounded to their unit, loops
// free), the generic DP and the striped filters must agree exactly;
// an overflow (+infinity) must be one the reference confirms.
TEST(HmmerFilters, IntegerFiltersEqualTheGenericDpOnTheirRoundedScores) {
  FilterRows<NativeVectors> rows;
  int msv_overflows = 0, vit_overflows = 0;
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.hmm.name + " " + c.what + " M=" + std::to_string(c.hmm.length()));
    const SearchProfile profile = make_search_profile(c.hmm, static_cast<int>(c.sequence.size()));
    const double msv = msv_filter(make_msv_profile(profile), c.sequence, rows);
    EXPECT_LT(msv_discrepancy(profile, c.sequence, msv), 1e-6);
    const double vit = viterbi_filter(make_viterbi_profile(profile), c.sequence, rows);
    EXPECT_LT(viterbi_discrepancy(profile, c.sequence, vit), 1e-6);
    msv_overflows += std::isinf(msv);
    vit_overflows += std::isinf(vit);
  }
  // Homologs may overflow MSV's bytes (about 20 bits); Viterbi's words
  // (about 65 bits) must hold nearly all of them.
  EXPECT_LE(msv_overflows, 24);
  EXPECT_LE(vit_overflows, 4);
}

TEST(HmmerFilters, ForwardFilterEqualsTheGenericForward) {
  FilterRows<NativeVectors> rows;
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.hmm.name + " " + c.what + " M=" + std::to_string(c.hmm.length()));
    const int length = static_cast<int>(c.sequence.size());
    const SearchProfile profile = make_search_profile(c.hmm, length);
    const double fwd =
        bit_score(forward_filter(make_forward_profile(profile), c.sequence, rows), length);
    const double reference = bit_score(generic_forward(profile, c.sequence), length);
    EXPECT_NEAR(fwd, reference, 1e-3);
  }
}

// Against the exact scores, the integer filters' approximations (units of
// 1/3 and 1/500 bit, -3 nats for all loops) stay within these bounds on
// background sequences, the ones calibration and most of a search see.
TEST(HmmerFilters, IntegerFiltersStayCloseToTheExactScores) {
  FilterRows<NativeVectors> rows;
  double worst_msv = 0, worst_vit = 0;
  for (const Case& c : cases()) {
    if (c.what != "background") continue;
    const int length = static_cast<int>(c.sequence.size());
    const SearchProfile profile = make_search_profile(c.hmm, length);
    const double msv = msv_filter(make_msv_profile(profile), c.sequence, rows);
    const double vit = viterbi_filter(make_viterbi_profile(profile), c.sequence, rows);
    worst_msv = std::max(worst_msv, std::abs(bits(msv - generic_msv(profile, c.sequence))));
    worst_vit = std::max(worst_vit, std::abs(bits(vit - generic_viterbi(profile, c.sequence))));
  }
  std::printf("worst differences from the exact scores (bits): msv %.3f viterbi %.3f\n", worst_msv,
              worst_vit);
  EXPECT_LT(worst_msv, 2.0);
  EXPECT_LT(worst_vit, 1.0);
}

}  // namespace
}  // namespace corebench::hmmer
