// HMMER 3's composition bias filter (Eddy 2011, "the bias filter"): a
// second null model, a two-state HMM whose one state emits the background
// and whose other emits the model's mean composition (mean length of a
// biased stretch M/8, of a normal one 400), scored by Forward. A target
// whose MSV score passes against null1 must also pass against this null,
// and the Viterbi and Forward filters then score against it too.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/hmmer/alphabet.h"

namespace corebench::hmmer {

// log P(sequence | biased null), nats, with null1's geometric length
// distribution of mean n: comparable with null_score(n).
double bias_null_score(const Frequencies& composition, int model_length,
                       const std::vector<std::uint8_t>& sequence);

}  // namespace corebench::hmmer
