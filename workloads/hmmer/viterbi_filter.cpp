// Viterbi in signed words with saturating arithmetic (-32768 stands for
// "impossible"), and Farrar's lazy F loop for the delete states: the
// within-stripe delete paths are done with the row, the ones that cross
// into the next lane are propagated afterwards only while they still
// improve some cell.
#include <cmath>
#include <limits>

#include "workloads/hmmer/filters.h"
#include "workloads/hmmer/instantiate_filter.h"

namespace corebench::hmmer {
namespace {

constexpr int kImpossible = std::numeric_limits<std::int16_t>::min();

int saturate(int value) {
  return std::clamp(value, kImpossible, static_cast<int>(std::numeric_limits<std::int16_t>::max()));
}

template <typename V>
void lazy_deletes(typename V::I16 carry, std::int16_t* d, const std::int16_t* dd, int q_count,
                  int lanes) {
  for (int pass = 0; pass < lanes; ++pass) {
    carry = V::shift_i16(carry);
    for (int q = 0; q < q_count; ++q) {
      const auto here = V::load_i16(d + q * lanes);
      if (!V::any_greater_i16(carry, here)) return;
      V::store_i16(d + q * lanes, V::max_i16(here, carry));
      carry = V::adds_i16(carry, V::load_i16(dd + q * lanes));
    }
  }
}

}  // namespace

template <typename V>
double viterbi_filter(const ViterbiProfile& p, const Residues& sequence, FilterRows<V>& rows) {
  const int q_count = p.stripes.count;
  const int lanes = p.stripes.lanes;
  const std::size_t width = p.stripes.size();
  const auto impossible = V::splat_i16(static_cast<std::int16_t>(kImpossible));
  rows.vit_m.assign(width, kImpossible);
  rows.vit_i.assign(width, kImpossible);
  rows.vit_d.assign(width, kImpossible);
  std::int16_t *m = rows.vit_m.data(), *ins = rows.vit_i.data(), *d = rows.vit_d.data();
  const auto at = [lanes](std::int16_t* row, int q) { return row + q * lanes; };
  const auto move = [&](WordMove which, int q) {
    return V::load_i16(p.moves.data() + which * width + q * lanes);
  };
  const int x_n = 0;
  int x_b = p.move, x_j = kImpossible, x_c = kImpossible;
  for (std::uint8_t residue : sequence) {
    const std::int16_t* emission = p.emission.data() + residue * width;
    auto m_prev = V::shift_i16(V::load_i16(at(m, q_count - 1)));
    auto i_prev = V::shift_i16(V::load_i16(at(ins, q_count - 1)));
    auto d_prev = V::shift_i16(V::load_i16(at(d, q_count - 1)));
    const auto begin = V::splat_i16(static_cast<std::int16_t>(x_b));
    auto best = impossible;
    auto d_next = impossible;
    for (int q = 0; q < q_count; ++q) {
      auto score = V::adds_i16(begin, move(kEnter, q));
      score = V::max_i16(score, V::adds_i16(m_prev, move(kMMIn, q)));
      score = V::max_i16(score, V::adds_i16(i_prev, move(kIMIn, q)));
      score = V::max_i16(score, V::adds_i16(d_prev, move(kDMIn, q)));
      score = V::adds_i16(score, V::load_i16(emission + q * lanes));
      best = V::max_i16(best, score);
      m_prev = V::load_i16(at(m, q));
      i_prev = V::load_i16(at(ins, q));
      d_prev = V::load_i16(at(d, q));
      V::store_i16(at(m, q), score);
      V::store_i16(at(d, q), d_next);
      d_next =
          V::max_i16(V::adds_i16(score, move(kMDOut, q)), V::adds_i16(d_next, move(kDDOut, q)));
      V::store_i16(at(ins, q), V::max_i16(V::adds_i16(m_prev, move(kMIOut, q)),
                                          V::adds_i16(i_prev, move(kIIOut, q))));
    }
    lazy_deletes<V>(d_next, d, p.moves.data() + kDDOut * width, q_count, lanes);
    const int x_e = V::hmax_i16(best);
    if (x_e >= std::numeric_limits<std::int16_t>::max()) return HUGE_VAL;
    x_c = std::max(x_c, saturate(x_e + p.end_move));
    x_j = std::max(x_j, saturate(x_e + p.end_loop));
    x_b = std::max(saturate(x_n + p.move), saturate(x_j + p.move));
  }
  if (x_c == kImpossible) return -HUGE_VAL;
  return (x_c + p.move) / p.scale + kLoopCorrection;
}

COREBENCH_HMMER_INSTANTIATE(viterbi_filter, ViterbiProfile)

}  // namespace corebench::hmmer
