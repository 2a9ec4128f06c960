// Thread placement on the fixture machines, and real pinning on this one.
#include <gtest/gtest.h>
#include <omp.h>
#include <sched.h>

#include "runner/child/thread_pinning.h"
#include "runner/machine/cpu_set_expression.h"
#include "runner/machine/placement.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

Topology load(const std::string& name) {
  return detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + name);
}

std::vector<int> order(const std::string& machine, const char* set, Placement placement) {
  const Topology topology = load(machine);
  return placement_order(resolve_cpu_set(set, topology), topology, placement);
}

TEST(Placement, Gb10FastCoresFirst) {
  EXPECT_EQ(
      order("nvidia-dgx-gb10", "all", Placement::Compact),
      (std::vector<int>{5, 6, 7, 8, 9, 15, 16, 17, 18, 19, 0, 1, 2, 3, 4, 10, 11, 12, 13, 14}));
  // Spread alternates between the two clusters' L3s.
  EXPECT_EQ(
      order("nvidia-dgx-gb10", "all", Placement::Spread),
      (std::vector<int>{5, 15, 6, 16, 7, 17, 8, 18, 9, 19, 0, 10, 1, 11, 2, 12, 3, 13, 4, 14}));
}

TEST(Placement, StrixHaloSmtSiblingsLast) {
  std::vector<int> compact, spread;
  for (int cpu = 0; cpu < 32; ++cpu) compact.push_back(cpu);
  for (int base : {0, 16}) {
    for (int k = 0; k < 8; ++k) spread.insert(spread.end(), {base + k, base + 8 + k});
  }
  EXPECT_EQ(order("amd-strix-halo-synthetic", "all", Placement::Compact), compact);
  EXPECT_EQ(order("amd-strix-halo-synthetic", "all", Placement::Spread), spread);
  EXPECT_EQ(order("amd-strix-halo-synthetic", "ccd1", Placement::Spread),
            (std::vector<int>{8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31}));
}

TEST(Placement, I7ECoresBeforePCoreSiblings) {
  EXPECT_EQ(
      order("intel-i7-1370p-hybrid", "all", Placement::Compact),
      (std::vector<int>{0, 2, 4, 6, 8, 10, 12, 13, 14, 15, 16, 17, 18, 19, 1, 3, 5, 7, 9, 11}));
}

TEST(Placement, Names) {
  EXPECT_EQ(parse_placement("spread"), Placement::Spread);
  EXPECT_STREQ(placement_name(Placement::Compact), "compact");
  EXPECT_THROW(parse_placement("scatter"), std::invalid_argument);
}

// Gives every pool thread back the process's own CPUs.
void restore(const CpuSet& allowed) {
#pragma omp parallel
  pin_calling_thread(allowed.ids());
}

// On the CPUs this process may use, which a container or taskset can make
// fewer than those online.
TEST(Pinning, ThreadsRunWhereTheyWereBound) {
  const CpuSet allowed = CpuSet(allowed_cpus());
  const int first = allowed.first();
  const int last = allowed.ids().back();
  omp_set_num_threads(2);
  pin_openmp_threads({last});
  EXPECT_EQ(sample_openmp_thread_cpus(), (std::vector<int>{last, last}));
  pin_openmp_threads({first, last});
  EXPECT_EQ(sample_openmp_thread_cpus(), (std::vector<int>{first, last}));
  restore(allowed);
}

}  // namespace
}  // namespace corebench
