// What the hmmer workload checks after every run: that every copy found
// the same, that a sample of the run's filter and Forward scores are what
// the generic DP computes, and that every hit's E-value follows from its
// score and its model's calibration.
#pragma once

#include <vector>

#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/search_pipeline.h"
#include "workloads/hmmer/sequence.h"
#include "workloads/workload.h"

namespace corebench::hmmer {

// The bound for Forward: the float filter against the double DP.
inline constexpr double kForwardBoundBits = 1e-3;

// `copies[c][m]`: copy c's search of model m (one copy in split mode).
Verdict verify_run(const std::vector<Hmm>& models, const std::vector<Sequence>& targets,
                   const std::vector<std::vector<ModelSearch>>& copies);

}  // namespace corebench::hmmer
