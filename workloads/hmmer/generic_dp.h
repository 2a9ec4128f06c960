// The reference: plain double-precision dynamic programming over the
// search profile, row by row and state by state, sharing no code with the
// vector filters it checks. Scores are raw log-likelihoods in nats (the
// null model not yet subtracted).
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/hmmer/search_profile.h"

namespace corebench::hmmer {

using Residues = std::vector<std::uint8_t>;

// The MSV model: ungapped local alignments (uniform entry, match states
// only), multihit.
double generic_msv(const SearchProfile& profile, const Residues& sequence);
// The best path through the whole local multihit model.
double generic_viterbi(const SearchProfile& profile, const Residues& sequence);
// The sum over all paths.
double generic_forward(const SearchProfile& profile, const Residues& sequence);

// A raw score less the null model's, in bits.
double bit_score(double raw_nats, int length);

}  // namespace corebench::hmmer
