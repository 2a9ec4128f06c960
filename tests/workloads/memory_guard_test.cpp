#include "workloads/common/memory_guard.h"

#include <gtest/gtest.h>

#include "workloads/options.h"
#include "workloads/registry.h"

namespace corebench {
namespace {

TEST(MemoryGuard, RefusesMoreThanItsShareOfTheMachine) {
  RunConfig config;
  config.memory_bytes = 1ull << 30;
  EXPECT_NO_THROW(refuse_unless_it_fits(config, 0.79 * (1ull << 30), "size", "big"));
  try {
    refuse_unless_it_fits(config, 0.81 * (1ull << 30), "size", "big");
    FAIL() << "0.81 GiB of 1 GiB passed";
  } catch (const OptionError& error) {
    EXPECT_STREQ(error.what(),
                 "option 'size': big needs about 0.8 GiB, more than 80% of this machine's 1.0 GiB");
  }
}

TEST(MemoryGuard, WithoutTheRunnersFigureAsksTheSystem) {
  EXPECT_EQ(machine_memory_bytes(RunConfig{.memory_bytes = 12345}), 12345u);
  EXPECT_GT(machine_memory_bytes(RunConfig{}), 0u);
}

// Every workload that sizes its data from an option refuses what does not
// fit the memory the runner says the machine has.
TEST(MemoryGuard, WorkloadsHonourTheRunnersMemory) {
  const std::pair<const char*, std::map<std::string, std::string>> too_big[] = {
      {"lulesh", {{"size", "400"}}},
      {"cfd", {{"mesh", "400"}}},
      {"linpack", {{"n", "20000"}}},
      {"compress", {{"size", "1GiB"}}},
      {"lzma", {{"dict", "25"}, {"size", "64MiB"}}}};
  RunConfig small_machine;
  small_machine.memory_bytes = 256ull << 20;
  for (const auto& [id, options] : too_big) {
    const WorkloadEntry* entry = builtin_registry().find(id);
    ASSERT_NE(entry, nullptr) << id;
    auto workload = entry->make();
    EXPECT_THROW(
        workload->setup(OptionValues::resolve(entry->info.options, options), small_machine),
        OptionError)
        << id;
  }
}

}  // namespace
}  // namespace corebench
