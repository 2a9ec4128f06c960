// `info`, `run --cpus` and `sweep` end to end, as a user runs them: on the
// fixture dumps (info --sysfs-root) and on this machine.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "runner/machine/placement.h"
#include "support/affinity_scope.h"
#include "support/run_command.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

using testing::AffinityScope;
using testing::run_command;

const std::string kGb10 = std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/nvidia-dgx-gb10";
const std::string kSmall = "ramspeed:op=copy,type=int,size=1MiB,passes=2";

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("corebench-" + std::to_string(getpid()) + "-" + name);
}

nlohmann::json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in);
}

TEST(InfoVerb, ShowsTheGb10DumpReadably) {
  const auto result = run_command({COREBENCH_BIN, "info", "--sysfs-root", kGb10});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* expected :
       {"10x Cortex-X925 + 10x Cortex-A725", "x925   Cortex-X925     10 cores   10 CPUs  5-9,15-19",
        "a725   Cortex-A725     10 cores   10 CPUs  0-4,10-14", "up to 3.90 GHz",
        "cluster0 0-9 (5 x925 + 5 a725), cluster1 10-19 (5 x925 + 5 a725)",
        "l3:0 0-9 (8MiB), l3:1 10-19 (16MiB)", "Profile    gb10: NVIDIA GB10 (DGX Spark)",
        "single-threaded tests on x925:1 (5)"}) {
    EXPECT_NE(result.out.find(expected), std::string::npos) << expected << "\n" << result.out;
  }
}

TEST(InfoVerb, JsonCarriesTopologyAndProfile) {
  const auto result = run_command({COREBENCH_BIN, "info", "--json", "--sysfs-root", kGb10});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto info = nlohmann::json::parse(result.out);
  EXPECT_EQ(info["topology"]["core_types"][0]["id"], "x925");
  EXPECT_EQ(info["topology"]["core_types"][0]["cpus"], "5-9,15-19");
  EXPECT_EQ(info["topology"]["l3"][1]["size_bytes"], 16u << 20);
  EXPECT_EQ(info["profile"]["name"], "gb10");
}

TEST(InfoVerb, ForcedProfileThatDoesNotMatchWarns) {
  const auto result = run_command({COREBENCH_BIN, "info", "--profile", "gb10"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("machine profile 'gb10' does not match this machine"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.out.find("x925:1 (does not resolve here)"), std::string::npos) << result.out;
}

// The CPUs this process may use: a container or taskset can allow fewer
// than are online, and not necessarily CPU 0.
std::vector<std::string> usable_cpus() {
  std::vector<std::string> cpus;
  for (const int cpu : allowed_cpus()) cpus.push_back(std::to_string(cpu));
  return cpus;
}

TEST(RunVerb, ThreadsArePinnedAndWhereTheyRanIsRecorded) {
  const std::string cpu = usable_cpus().front();
  const auto output = temp_file("pinned.json");
  const auto result = run_command({COREBENCH_BIN, "run", kSmall, "--cpus", cpu, "--threads", "2",
                                   "--runs", "1", "--no-warmup", "--output", output.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto test = read_json(output)["tests"][0];
  EXPECT_EQ(test["cpus"], cpu);
  EXPECT_EQ(test["placement"], "compact");
  EXPECT_EQ(test["schedule"], "static");
  ASSERT_EQ(test["runs"].size(), 1u);
  EXPECT_EQ(test["runs"][0]["thread_cpus"], (nlohmann::json{cpu, cpu}));
  EXPECT_EQ(test["runs"][0]["strayed"], false);
  EXPECT_TRUE(read_json(output)["topology"].contains("core_types"));
  std::filesystem::remove(output);
}

// Under taskset or a container's cpuset, `all` is what the process may use,
// and a CPU it may not use is refused before anything runs.
TEST(RunVerb, AllIsTheCpusThisProcessMayRunOn) {
  const auto cpus = allowed_cpus();
  if (cpus.size() < 2) GTEST_SKIP() << "needs two CPUs this process may use";
  const std::string kept = std::to_string(cpus.back()), barred = std::to_string(cpus.front());
  const AffinityScope scope({cpus.back()});
  const auto output = temp_file("allowed.json");
  const auto result = run_command({COREBENCH_BIN, "run", kSmall, "--cpus", "all", "--runs", "1",
                                   "--no-warmup", "--output", output.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_json(output)["tests"][0]["cpus"], kept);
  EXPECT_EQ(read_json(output)["tests"][0]["threads"], 1);
  std::filesystem::remove(output);

  const auto refused = run_command({COREBENCH_BIN, "run", kSmall, "--cpus", barred});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("CPUs " + barred +
                             " are online but this process may not run on them (allowed: " + kept),
            std::string::npos)
      << refused.err;
  const auto info = run_command({COREBENCH_BIN, "info"});
  EXPECT_NE(info.out.find("this process may run on CPUs " + kept + " only"), std::string::npos)
      << info.out;
}

TEST(SweepVerb, OneTwoBothEndToEnd) {
  const auto cpus = usable_cpus();
  if (cpus.size() < 2) GTEST_SKIP() << "needs two CPUs this process may use";
  const std::string a = cpus[0], b = cpus[1], both = a + "+" + b;
  const auto output = temp_file("sweep.json");
  const auto result =
      run_command({COREBENCH_BIN, "sweep", kSmall, "--sets", a + "," + b + "," + both, "--runs",
                   "1", "--no-warmup", "--output", output.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto tests = read_json(output)["tests"];
  ASSERT_EQ(tests.size(), 3u);
  EXPECT_EQ(tests[0]["cpus"], a);
  EXPECT_EQ(tests[1]["cpus"], b);
  EXPECT_EQ(tests[2]["cpus"], CpuSet({std::stoi(a), std::stoi(b)}).to_string());
  EXPECT_EQ(tests[2]["threads"], 2);
  for (const char* expected : {"set", "vs first", "per thread", "1.00x", "100%"}) {
    EXPECT_NE(result.out.find(expected), std::string::npos) << expected << "\n" << result.out;
  }
  // A sweep's result file is a normal one: compare reads it.
  const auto compared = run_command({COREBENCH_BIN, "compare", output.string()});
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  std::filesystem::remove(output);
}

}  // namespace
}  // namespace corebench
