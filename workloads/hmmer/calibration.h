// HMMER 3's calibration of a model (p7_Calibrate, as hmmbuild does and
// hmmsearch does for a file without STATS): MSV and Viterbi filter scores
// of 200 background sequences of 200 residues fitted to a Gumbel of slope
// lambda, Forward filter scores of 200 of 100 residues fitted to find the
// exponential tail's location (tau) at its 4 % tail.
#pragma once

#include <cstdint>

#include "workloads/hmmer/filters.h"
#include "workloads/hmmer/hmm.h"

namespace corebench::hmmer {

struct CalibrationPlan {
  int msv_length = 200, msv_count = 200;
  int viterbi_length = 200, viterbi_count = 200;
  int forward_length = 100, forward_count = 200;
  double forward_tail = 0.04;
};

// Eddy 2008's edge-corrected slope: log 2 + 1.44 / (M H), H the mean
// relative entropy per match state in bits.
double expected_lambda(const Hmm& hmm);

// The sequences come from `seed` alone, so a model calibrates the same in
// every thread and every mode. `cells` grows by the DP cells computed.
template <typename V>
Calibration calibrate(const Hmm& hmm, std::uint64_t seed, const CalibrationPlan& plan,
                      FilterRows<V>& rows, double& cells);

// The first calibration sequence of each kind, for verification to
// recompute with the generic DP.
Residues calibration_sequence(std::uint64_t seed, int stream, int length);

}  // namespace corebench::hmmer
