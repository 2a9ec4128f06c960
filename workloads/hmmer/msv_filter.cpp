// MSV in unsigned bytes: every score is kept as base + score with
// saturating arithmetic, so the floor at 0 stands for "impossible" and an
// E above 255 - bias is an overflow.
#include <cmath>

#include "workloads/hmmer/filters.h"
#include "workloads/hmmer/instantiate_filter.h"

namespace corebench::hmmer {

template <typename V>
double msv_filter(const MsvProfile& p, const Residues& sequence, FilterRows<V>& rows) {
  const int q_count = p.stripes.count;
  const std::size_t width = p.stripes.size();
  rows.msv.assign(width, 0);
  std::uint8_t* dp = rows.msv.data();
  const auto bias = V::splat_u8(p.bias);
  int x_j = 0;
  int x_b = std::max(0, p.base - p.move);
  for (std::uint8_t residue : sequence) {
    const std::uint8_t* cost = p.cost.data() + residue * width;
    const auto enter = V::splat_u8(static_cast<std::uint8_t>(std::max(0, x_b - p.entry)));
    auto diagonal = V::shift_u8(V::load_u8(dp + (q_count - 1) * 16));
    auto best = V::splat_u8(0);
    for (int q = 0; q < q_count; ++q) {
      auto score = V::max_u8(diagonal, enter);
      score = V::subs_u8(V::adds_u8(score, bias), V::load_u8(cost + q * 16));
      best = V::max_u8(best, score);
      diagonal = V::load_u8(dp + q * 16);
      V::store_u8(dp + q * 16, score);
    }
    const int x_e = V::hmax_u8(best);
    if (x_e >= 255 - p.bias) return HUGE_VAL;
    x_j = std::max(x_j, x_e - p.end);
    x_b = std::max(0, std::max<int>(p.base, x_j) - p.move);
  }
  return (x_j - p.move - p.base) / p.scale + kLoopCorrection;
}

COREBENCH_HMMER_INSTANTIATE(msv_filter, MsvProfile)

}  // namespace corebench::hmmer
