// Rate mode's figures: what N copies of a test did together, and how much
// of it each core type did.
//
// A rate workload's copies add up: the aggregate is the sum of their rates
// (SPECrate's "sum of rates"). A timed workload's aggregate is SPECrate's
// copies x reference time / time with an hour as the reference: the runs per
// hour the copies delivered, N x 3600 / the slowest copy's seconds, so that
// machines with different numbers of copies compare by throughput. Either
// way higher is better.
#pragma once

#include <string>
#include <vector>

#include "runner/results/result.h"

namespace corebench {

inline constexpr const char* kRunsPerHour = "runs/h";

// The aggregate's unit for copies whose values are in `copy_unit`.
std::string copies_unit(const std::string& copy_unit, Direction copy_direction);

// Sets the run's value, seconds (the slowest copy's), verified (every copy
// answered right) and detail (the first copies that did not) from its
// copies; a run without copies is left as it is.
void aggregate_copies(RunRecord& run, Direction copy_direction);

// One core type's part of the aggregate, over the verified runs given.
struct TypeShare {
  std::string core_type;
  int copies = 0;
  double value = 0;  // the mean over runs of these copies' aggregate, in the aggregate's unit
};

// Fastest type first as the copies were planned (by their first copy).
std::vector<TypeShare> copies_by_type(const std::vector<RunRecord>& runs, Direction copy_direction);

}  // namespace corebench
