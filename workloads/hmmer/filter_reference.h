// What the integer filters compute, as a profile the generic DP can run:
// every score rounded to the filter's unit as the filter rounds it, the
// N, C and J loops free. The generic DP on it, plus kLoopCorrection,
// equals the filter's score (to double rounding) unless the filter's
// range overflows, which lets tests and verification hold the striped
// code to an exact answer rather than to a bound.
#pragma once

#include "workloads/hmmer/search_profile.h"
#include "workloads/hmmer/striped_profile.h"

namespace corebench::hmmer {

SearchProfile msv_as_rounded(const SearchProfile& profile, const MsvProfile& msv);
SearchProfile viterbi_as_rounded(const SearchProfile& profile, const ViterbiProfile& vit);

}  // namespace corebench::hmmer
