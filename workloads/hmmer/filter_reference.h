// What the integer filters compute, as a profile the generic DP can run:
// every score rounded to the filter's unit as the filter rounds it, the
// N, C and J loops free. The generic DP on it, plus kLoopCorrection,
// equals the filter's score (to double rounding) unless the filter's
// range overflows, which lets tests and verification hold the striped
// code to an exact answer rather than to a bound.
#pragma once

#include "workloads/hmmer/generic_dp.h"
#include "workloads/hmmer/search_profile.h"
#include "workloads/hmmer/striped_profile.h"

namespace corebench::hmmer {

SearchProfile msv_as_rounded(const SearchProfile& profile, const MsvProfile& msv);
SearchProfile viterbi_as_rounded(const SearchProfile& profile, const ViterbiProfile& vit);

}  // namespace corebench::hmmer

namespace corebench::hmmer {

// How far a filter's score (raw nats) is from the generic DP's on the
// filter's rounded scores, in bits: 0 for an overflow (+infinity) that
// the reference confirms is above the filter's range, +infinity for one
// it does not.
double msv_discrepancy(const SearchProfile& profile, const Residues& sequence, double score);
double viterbi_discrepancy(const SearchProfile& profile, const Residues& sequence, double score);

}  // namespace corebench::hmmer
