// How a test's threads are laid onto its CPU set.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "runner/machine/cpuset.h"
#include "runner/machine/topology.h"

namespace corebench {

// How OpenMP threads are laid onto a CPU set. Either way every core gets
// one thread before any core gets a second (SMT) one, and among those the
// fastest core type comes first.
enum class Placement {
  Compact,  // neighbouring cores first: threads share caches
  Spread,   // alternate between L3 domains (or clusters): threads share bandwidth least
};

// "compact" or "spread"; throws std::invalid_argument otherwise.
Placement parse_placement(std::string_view text);
const char* placement_name(Placement placement);
// A --placement option: nullopt when empty, else parse_placement().
std::optional<Placement> placement_option(std::string_view text);

// The CPUs of `cpus` in the order threads are given them: thread i runs on
// element i % size.
std::vector<int> placement_order(const CpuSet& cpus, const Topology& topology, Placement placement);

}  // namespace corebench
