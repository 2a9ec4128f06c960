// The search model hmmsearch configures from a core HMM: Plan 7 in local,
// multihit mode (entry into any match state weighted by its occupancy,
// exit from any, E -> J and E -> C even), with the N, C and J loops set
// for the target's length. Scores in nats; insert emissions score 0, as
// HMMER 3's profile sets them.
#pragma once

#include <array>
#include <vector>

#include "workloads/hmmer/hmm.h"

namespace corebench::hmmer {

using ResidueScores = std::array<double, kCodes>;  // kAnyResidue scores 0

struct SpecialMoves {
  double loop = 0;      // N -> N, J -> J, C -> C
  double move = 0;      // N -> B, J -> B, C -> T
  double end_loop = 0;  // E -> J
  double end_move = 0;  // E -> C
};

struct SearchProfile {
  int length = 0;                    // M
  std::vector<ResidueScores> match;  // [k], k = 1..M (0 unused): log(e / f)
  std::vector<Transitions> moves;    // [k] log transitions out of node k
  std::vector<double> begin;         // [k] log B -> M_k
  double msv_entry = 0;              // uniform_entry(M), the MSV model's B -> M_k
  SpecialMoves special;
  int target_length = 0;
};

SearchProfile make_search_profile(const Hmm& hmm, int target_length);
// The N, C and J loops for a target of `length` residues (an expected
// length of `length`, one expected hit: HMMER's multihit setting).
SpecialMoves special_moves(int length);
// The same in unihit mode (E -> C only, no J, loops L/(L+2)): how hmmsearch
// rescores one domain's envelope.
SpecialMoves unihit_special_moves(int length);

// The null model's score of any sequence of `length` residues (HMMER's
// null1: background emissions, a geometric length of mean `length`).
double null_score(int length);

// log(2 / (M (M + 1))): the MSV model's uniform entry into any match.
double uniform_entry(int model_length);

// The mean relative entropy of the match emissions to the background, in
// bits per position.
double mean_relative_entropy(const Hmm& hmm);

}  // namespace corebench::hmmer
