// The built-in model library: seeded models whose lengths and parameters
// look like a Pfam library's, so that the work per model matches a real
// library of that size (docs/workloads/hmmer.md says how and why).
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/hmmer/hmm.h"

namespace corebench::hmmer {

// Model lengths: log-normal, median kMedianLength match states, log
// standard deviation kLengthSpread, clamped to [kShortest, kLongest].
inline constexpr double kMedianLength = 120;
inline constexpr double kLengthSpread = 0.75;
inline constexpr int kShortest = 10;
inline constexpr int kLongest = 1500;

// `count` models, the same for the same seed on every machine. Not yet
// calibrated.
std::vector<Hmm> synthetic_library(int count, std::uint64_t seed);

}  // namespace corebench::hmmer
