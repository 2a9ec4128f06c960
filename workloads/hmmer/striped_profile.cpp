#include "workloads/hmmer/striped_profile.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace corebench::hmmer {
namespace {

constexpr std::uint8_t kMsvBase = 190;
constexpr int kWordImpossible = std::numeric_limits<std::int16_t>::min();

std::uint8_t byte_cost(double nats, double scale) {
  return static_cast<std::uint8_t>(std::clamp(std::lround(-nats * scale), 0l, 255l));
}

std::int16_t word_score(double nats, double scale) {
  if (nats == -HUGE_VAL) return static_cast<std::int16_t>(kWordImpossible);
  return static_cast<std::int16_t>(std::clamp(std::lround(nats * scale), -32767l, 32767l));
}

// A transition's value at position k of stripe order, for each WordMove.
double move_at(const SearchProfile& p, int k, WordMove move) {
  switch (move) {
    case kEnter: return p.begin[k];
    case kMMIn: return k > 1 ? p.moves[k - 1][kMM] : -HUGE_VAL;
    case kIMIn: return k > 1 ? p.moves[k - 1][kIM] : -HUGE_VAL;
    case kDMIn: return k > 1 ? p.moves[k - 1][kDM] : -HUGE_VAL;
    case kMDOut: return p.moves[k][kMD];
    case kMIOut: return p.moves[k][kMI];
    case kIIOut: return p.moves[k][kII];
    case kDDOut: return p.moves[k][kDD];
    case kWordMoves: break;
  }
  return -HUGE_VAL;
}

template <typename T, typename Convert>
std::vector<T> striped_moves(const SearchProfile& p, const Stripes& s, T impossible,
                             Convert convert) {
  std::vector<T> values(kWordMoves * s.size(), impossible);
  for (int move = 0; move < kWordMoves; ++move)
    for (int k = 1; k <= p.length; ++k)
      values[move * s.size() + s.slot(k)] = convert(move_at(p, k, static_cast<WordMove>(move)));
  return values;
}

template <typename T, typename Convert>
std::vector<T> striped_emissions(const SearchProfile& p, const Stripes& s, T impossible,
                                 Convert convert) {
  std::vector<T> values(kCodes * s.size(), impossible);
  for (int x = 0; x < kCodes; ++x)
    for (int k = 1; k <= p.length; ++k) values[x * s.size() + s.slot(k)] = convert(p.match[k][x]);
  return values;
}

}  // namespace

Stripes Stripes::of(int length, int lanes) {
  return {.length = length, .lanes = lanes, .count = std::max(1, (length + lanes - 1) / lanes)};
}

std::size_t Stripes::slot(int k) const {
  const int q = (k - 1) % count;
  const int lane = (k - 1) / count;
  return static_cast<std::size_t>(q) * lanes + lane;
}

MsvProfile make_msv_profile(const SearchProfile& p) {
  MsvProfile msv;
  msv.stripes = Stripes::of(p.length, 16);
  msv.scale = kMsvUnitsPerBit / std::numbers::ln2;
  msv.base = kMsvBase;
  double best = 0;
  for (int k = 1; k <= p.length; ++k)
    for (int x = 0; x < kCodes; ++x) best = std::max(best, p.match[k][x]);
  msv.bias = static_cast<std::uint8_t>(std::lround(best * msv.scale));
  msv.entry = byte_cost(p.msv_entry, msv.scale);
  msv.end = byte_cost(p.special.end_loop, msv.scale);
  msv.move = byte_cost(p.special.move, msv.scale);
  msv.cost = striped_emissions<std::uint8_t>(p, msv.stripes, 255, [&](double nats) {
    const long cost = msv.bias - std::lround(std::max(nats, -1e3) * msv.scale);
    return static_cast<std::uint8_t>(std::clamp(cost, 0l, 255l));
  });
  msv.target_length = p.target_length;
  return msv;
}

ViterbiProfile make_viterbi_profile(const SearchProfile& p) {
  ViterbiProfile vit;
  vit.stripes = Stripes::of(p.length, 8);
  vit.scale = kViterbiUnitsPerBit / std::numbers::ln2;
  const auto word = [&](double nats) { return word_score(nats, vit.scale); };
  const auto impossible = static_cast<std::int16_t>(kWordImpossible);
  vit.moves = striped_moves<std::int16_t>(p, vit.stripes, impossible, word);
  vit.emission = striped_emissions<std::int16_t>(p, vit.stripes, impossible, word);
  vit.move = word(p.special.move);
  vit.end_loop = word(p.special.end_loop);
  vit.end_move = word(p.special.end_move);
  vit.target_length = p.target_length;
  return vit;
}

ForwardProfile make_forward_profile(const SearchProfile& p) {
  ForwardProfile fwd;
  fwd.stripes = Stripes::of(p.length, 4);
  const auto probability = [](double nats) { return static_cast<float>(std::exp(nats)); };
  fwd.moves = striped_moves<float>(p, fwd.stripes, 0.0f, probability);
  fwd.emission = striped_emissions<float>(p, fwd.stripes, 0.0f, probability);
  fwd.loop = probability(p.special.loop);
  fwd.move = probability(p.special.move);
  fwd.end_loop = probability(p.special.end_loop);
  fwd.end_move = probability(p.special.end_move);
  fwd.target_length = p.target_length;
  return fwd;
}

}  // namespace corebench::hmmer
