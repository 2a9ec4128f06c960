// The three striped filters (Farrar 2007; Eddy 2011), each written once
// on the vector layer and built for both ScalarVectors and NativeVectors.
// Each returns a raw score in nats, comparable with generic_dp.h's; MSV
// and Viterbi return +infinity when their integer range overflows (a
// score that high passes any filter, as in HMMER).
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/hmmer/generic_dp.h"
#include "workloads/hmmer/posterior_decoding.h"
#include "workloads/hmmer/striped_profile.h"
#include "workloads/hmmer/vector128.h"

namespace corebench::hmmer {

// The DP storage one search thread reuses from call to call: the filters'
// rows, in stripe order as plain numbers (vectors are loaded and stored),
// which keeps the bare intrinsic types out of containers; and domain
// definition's Forward matrix.
template <typename V>
struct FilterRows {
  std::vector<std::uint8_t> msv;
  std::vector<std::int16_t> vit_m, vit_i, vit_d;
  std::vector<float> fwd_m, fwd_i, fwd_d;
  ForwardMatrix decoding;
};

template <typename V>
double msv_filter(const MsvProfile& profile, const Residues& sequence, FilterRows<V>& rows);
template <typename V>
double viterbi_filter(const ViterbiProfile& profile, const Residues& sequence, FilterRows<V>& rows);
template <typename V>
double forward_filter(const ForwardProfile& profile, const Residues& sequence, FilterRows<V>& rows);

}  // namespace corebench::hmmer
