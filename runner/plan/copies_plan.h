// Rate mode: a test run as N independent copies at once, each its own
// process pinned to its own CPUs, as SPECrate runs its benchmarks and as the
// published HMMer test runs one search per core.
#pragma once

#include <string>
#include <vector>

#include "runner/machine/cpuset.h"
#include "runner/machine/placement.h"
#include "runner/machine/topology.h"

namespace corebench {

// Where one copy runs: its thread i on cpus[i % size], the process on all
// of them.
struct CopyPlan {
  std::vector<int> cpus;
  std::string core_type;  // the id of its CPUs' core type
};

// What a copies value asks for: "N" copies laid on the set as threads are
// (every core before an SMT sibling, the fastest type first), "per-core" one
// copy per core of the set, "per-type" one pass per core type of the set
// (expand_per_type), "per-type:TYPE" one copy per core of that type.
struct CopiesRequest {
  enum class Kind { Count, PerCore, PerType, OfType } kind = Kind::Count;
  int count = 0;     // Count
  std::string type;  // OfType
};

// Throws Error naming the text when it is none of the above.
CopiesRequest parse_copies(const std::string& text);

// "per-type" on `cpus`: one "per-type:TYPE" per core type the set has,
// fastest first.
std::vector<std::string> expand_per_type(const CpuSet& cpus, const Topology& topology);

// The copies of `threads` threads each on `cpus`; throws Error when the set
// cannot hold them (too few CPUs, a core with fewer CPUs than threads, no
// core of the type). `request` is not PerType (expand it first).
std::vector<CopyPlan> plan_copies(const CopiesRequest& request, const CpuSet& cpus, int threads,
                                  const Topology& topology, Placement placement);

}  // namespace corebench
