// The search profile in Farrar's striped order for the three filters, in
// each filter's own number type: MSV in 1/3-bit unsigned bytes, Viterbi
// in 1/500-bit signed words, Forward in float odds (Eddy 2011, section
// "striped vector implementation"). Model position k = 1..M sits in
// stripe q = (k - 1) % Q, lane (k - 1) / Q; lanes past M are impossible.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/hmmer/search_profile.h"

namespace corebench::hmmer {

inline constexpr double kMsvUnitsPerBit = 3;
inline constexpr double kViterbiUnitsPerBit = 500;

struct Stripes {
  int length = 0;  // M
  int lanes = 0;
  int count = 0;  // Q
  static Stripes of(int length, int lanes);
  std::size_t slot(int k) const;  // where position k's value goes
  std::size_t size() const { return static_cast<std::size_t>(count) * lanes; }
};

struct MsvProfile {
  Stripes stripes;
  double scale = 0;                // units per nat
  std::uint8_t base = 0;           // where N starts, so scores may fall below it
  std::uint8_t bias = 0;           // added before the cost is taken away
  std::uint8_t entry = 0;          // cost of B -> M_k
  std::uint8_t end = 0;            // cost of E -> J (and E -> C)
  std::uint8_t move = 0;           // cost of N -> B, J -> B, C -> T: set by set_length
  std::vector<std::uint8_t> cost;  // [x][slot]: bias - score
  int target_length = 0;
};

// Per stripe, transitions into a position (from k - 1) and out of it.
enum WordMove { kEnter, kMMIn, kIMIn, kDMIn, kMDOut, kMIOut, kIIOut, kDDOut, kWordMoves };

struct ViterbiProfile {
  Stripes stripes;
  double scale = 0;
  std::vector<std::int16_t> moves;     // [move][slot]
  std::vector<std::int16_t> emission;  // [x][slot]
  std::int16_t move = 0, end_loop = 0, end_move = 0;
  int target_length = 0;
};

struct ForwardProfile {
  Stripes stripes;
  std::vector<float> moves;     // [move][slot], probabilities
  std::vector<float> emission;  // [x][slot], odds
  float loop = 0, move = 0, end_loop = 0, end_move = 0;
  int target_length = 0;
};

MsvProfile make_msv_profile(const SearchProfile& profile);
ViterbiProfile make_viterbi_profile(const SearchProfile& profile);
ForwardProfile make_forward_profile(const SearchProfile& profile);

// The filters approximate the N, C and J loops as free and take this off
// at the end: L log(L / (L + 3)) is close to -3 nats for any L.
inline constexpr double kLoopCorrection = -3.0;

}  // namespace corebench::hmmer
