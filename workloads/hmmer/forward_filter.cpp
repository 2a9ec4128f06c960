// Forward in float odds, each row rescaled when E grows large (the scale
// factors' logs summed), as HMMER's Forward filter does. Delete paths
// that cross from one lane to the next are added after the row, up to
// lanes - 1 crossings; as in hmmsearch, a crossing that changed no cell
// ends them, since every later one adds less still.
#include <cmath>

#include "workloads/hmmer/filters.h"
#include "workloads/hmmer/instantiate_filter.h"

namespace corebench::hmmer {
namespace {

constexpr float kRescaleAbove = 1.0e4f;

template <typename V>
void crossing_deletes(typename V::F32 carry, float* d, const float* dd, int q_count, int lanes) {
  for (int pass = 1; pass < lanes; ++pass) {
    carry = V::shift_f32(carry);
    bool changed = false;
    for (int q = 0; q < q_count; ++q) {
      const auto before = V::load_f32(d + q * lanes);
      const auto after = V::add_f32(before, carry);
      changed |= V::any_greater_f32(after, before);
      V::store_f32(d + q * lanes, after);
      carry = V::mul_f32(carry, V::load_f32(dd + q * lanes));
    }
    if (!changed) return;
  }
}

void rescale(std::vector<float>& row, float factor) {
  for (float& v : row) v *= factor;
}

}  // namespace

template <typename V>
double forward_filter(const ForwardProfile& p, const Residues& sequence, FilterRows<V>& rows) {
  const int q_count = p.stripes.count;
  const int lanes = p.stripes.lanes;
  const std::size_t width = p.stripes.size();
  const auto zero = V::splat_f32(0);
  rows.fwd_m.assign(width, 0.0f);
  rows.fwd_i.assign(width, 0.0f);
  rows.fwd_d.assign(width, 0.0f);
  float *m = rows.fwd_m.data(), *ins = rows.fwd_i.data(), *d = rows.fwd_d.data();
  const auto at = [lanes](float* row, int q) { return row + q * lanes; };
  const auto move = [&](WordMove which, int q) {
    return V::load_f32(p.moves.data() + which * width + q * lanes);
  };
  float x_n = 1, x_b = p.move, x_j = 0, x_c = 0;
  double log_scale = 0;
  for (std::uint8_t residue : sequence) {
    const float* emission = p.emission.data() + residue * width;
    auto m_prev = V::shift_f32(V::load_f32(at(m, q_count - 1)));
    auto i_prev = V::shift_f32(V::load_f32(at(ins, q_count - 1)));
    auto d_prev = V::shift_f32(V::load_f32(at(d, q_count - 1)));
    const auto begin = V::splat_f32(x_b);
    auto total = zero;
    auto d_next = zero;
    for (int q = 0; q < q_count; ++q) {
      auto score = V::mul_f32(begin, move(kEnter, q));
      score = V::add_f32(score, V::mul_f32(m_prev, move(kMMIn, q)));
      score = V::add_f32(score, V::mul_f32(i_prev, move(kIMIn, q)));
      score = V::add_f32(score, V::mul_f32(d_prev, move(kDMIn, q)));
      score = V::mul_f32(score, V::load_f32(emission + q * lanes));
      total = V::add_f32(total, score);
      m_prev = V::load_f32(at(m, q));
      i_prev = V::load_f32(at(ins, q));
      d_prev = V::load_f32(at(d, q));
      V::store_f32(at(m, q), score);
      V::store_f32(at(d, q), d_next);
      d_next = V::add_f32(V::mul_f32(score, move(kMDOut, q)), V::mul_f32(d_next, move(kDDOut, q)));
      V::store_f32(at(ins, q), V::add_f32(V::mul_f32(m_prev, move(kMIOut, q)),
                                          V::mul_f32(i_prev, move(kIIOut, q))));
    }
    crossing_deletes<V>(d_next, d, p.moves.data() + kDDOut * width, q_count, lanes);
    for (int q = 0; q < q_count; ++q) total = V::add_f32(total, V::load_f32(at(d, q)));
    const float x_e = V::hsum_f32(total);
    x_n = x_n * p.loop;
    x_c = x_c * p.loop + x_e * p.end_move;
    x_j = x_j * p.loop + x_e * p.end_loop;
    x_b = x_n * p.move + x_j * p.move;
    if (x_e > kRescaleAbove) {
      const float factor = 1 / x_e;
      rescale(rows.fwd_m, factor);
      rescale(rows.fwd_i, factor);
      rescale(rows.fwd_d, factor);
      x_n *= factor;
      x_b *= factor;
      x_j *= factor;
      x_c *= factor;
      log_scale += std::log(static_cast<double>(x_e));
    }
  }
  return log_scale + std::log(static_cast<double>(x_c) * p.move);
}

COREBENCH_HMMER_INSTANTIATE(forward_filter, ForwardProfile)

}  // namespace corebench::hmmer
