// Pinning a test's process and its OpenMP threads to a CPU set, and finding
// out where the threads really ran.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "runner/cpuset.h"
#include "runner/topology.h"

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

// Restricts the calling thread (and the threads it starts later) to `cpus`.
// Throws std::system_error when the kernel refuses.
void pin_this_thread(const CpuSet& cpus);

// The calling thread's affinity: in a test's child, the test's CPU set.
CpuSet current_affinity();

// Binds OpenMP thread i of the current team size to order[i % order.size()].
// libgomp and libomp keep their pool threads between parallel regions of
// the same size, so the binding holds for the workload's regions. Throws
// std::runtime_error when the kernel refuses.
void pin_openmp_threads(const std::vector<int>& order);

// The CPU each OpenMP thread is on right now (sched_getcpu), by thread
// number, from inside a parallel region of the current team size.
std::vector<int> sample_openmp_thread_cpus();

}  // namespace corebench
