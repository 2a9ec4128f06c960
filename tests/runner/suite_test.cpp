#include "runner/plan/suite.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "runner/common/error.h"
#include "runner/common/paths.h"
#include "runner/plan/plan.h"
#include "workloads/registry.h"

namespace corebench {
namespace {

class SuiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("corebench-suite-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  std::string error_of(const std::string& text) {
    try {
      load_suite(write("bad.toml", text));
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  }
  std::filesystem::path dir_;
};

TEST_F(SuiteTest, ReadsTests) {
  const Suite suite = load_suite(write("s.toml", R"(description = "d"
[[test]]
workload = "ramspeed"
options = { op = "copy", size = "64MiB", passes = 2 }
cpus = "0"
threads = 1
)"));
  EXPECT_EQ(suite.name, "s");
  ASSERT_EQ(suite.tests.size(), 1u);
  EXPECT_EQ(suite.tests[0].options.at("passes"), "2");
  EXPECT_EQ(suite.tests[0].name(), "ramspeed:op=copy,passes=2,size=64MiB @cpus=0 threads=1");
}

TEST_F(SuiteTest, ReadsCopies) {
  const Suite suite = load_suite(write("s.toml",
                                       "[[test]]\nworkload = \"hmmer\"\ncopies = "
                                       "\"per-core\"\n[[test]]\nworkload = \"c-ray\"\n"
                                       "copies = 2\n"));
  EXPECT_EQ(suite.tests[0].name(), "hmmer @copies=per-core");
  EXPECT_EQ(suite.tests[1].copies, "2");
  EXPECT_NE(error_of("[[test]]\nworkload = \"x\"\ncopies = 1.5\n").find("bad.toml:3: 'copies'"),
            std::string::npos);
}

TEST_F(SuiteTest, ErrorsNameFileLineAndKey) {
  EXPECT_NE(error_of("[[test]]\nworkload = \"ramspeed\"\ncolour = 1\n")
                .find("bad.toml:3: 'colour': unknown key"),
            std::string::npos);
  EXPECT_NE(error_of("[[test]]\nworkload = 7\n").find("'workload'"), std::string::npos);
  EXPECT_NE(error_of("[[test]]\nworkload = \"x\"\nthreads = 1.5\n").find("bad.toml:3: 'threads'"),
            std::string::npos);
  EXPECT_NE(error_of("[[test]\n").find("bad.toml:1:"), std::string::npos);
  EXPECT_NE(error_of("description = \"empty\"\n").find("no [[test]]"), std::string::npos);
}

// Plans as they are made on the one-CPU fixture machine with the generic profile.
PlanRequest one_cpu_request(std::vector<std::string> targets) {
  return PlanRequest{
      .targets = std::move(targets),
      .cpus = "",
      .threads = "",
      .copies = "",
      .suite_dirs = {{.path = data_dir() / "profiles" / "suites"}},
      .topology = detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/one-cpu"),
      .profile = load_machine_profile(data_dir() / "profiles" / "machines" / "generic.toml"),
      .placement = std::nullopt};
}

TEST(ShippedSuites, EveryOneLoadsAndPlans) {
  const auto names = suite_names(find_profiles({{.path = data_dir() / "profiles" / "suites"}}));
  ASSERT_FALSE(names.empty());
  for (const auto& name : names) {
    const PlanRequest request = one_cpu_request({name});
    EXPECT_NO_THROW(plan_tests(builtin_registry(), request)) << name;
  }
}

TEST(Plan, BadTargetsAreErrors) {
  PlanRequest request = one_cpu_request({});
  const auto error_of = [&](std::vector<std::string> targets, std::string cpus = "",
                            std::string threads = "") {
    request.targets = std::move(targets);
    request.cpus = std::move(cpus);
    request.threads = std::move(threads);
    try {
      plan_tests(builtin_registry(), request);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error_of({"nosuch"}).find("unknown suite or workload 'nosuch'"), std::string::npos);
  EXPECT_NE(error_of({"ramspeed:colour=red"}).find("unknown option 'colour'"), std::string::npos);
  EXPECT_NE(error_of({"ramspeed:size=1"}).find("out of range"), std::string::npos);
  EXPECT_NE(error_of({"ramspeed:op"}).find("is not name=value"), std::string::npos);
  EXPECT_NE(error_of({"ramspeed"}, "0-").find("found 'end' (position 2)"), std::string::npos);
  EXPECT_NE(error_of({"ramspeed"}, "1").find("CPUs 1 are not online"), std::string::npos);
  EXPECT_NE(error_of({"ramspeed"}, "", "0").find("threads '0'"), std::string::npos);
  EXPECT_EQ(error_of({"ramspeed:op=copy"}, "0", "all"), "no error");
}

// A CPU set that does not resolve on a machine whose detection had problems
// gets one line saying so before its error; a clean machine, none.
TEST(Plan, UnresolvedCpuSetTellsOfDetectionProblemsOnce) {
  const auto stderr_of_planning = [](const std::string& fixture) {
    PlanRequest request = one_cpu_request({"ramspeed"});
    request.topology =
        detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + fixture);
    request.cpus = "l3:7";
    testing::internal::CaptureStderr();
    EXPECT_THROW(plan_telling_detection_problems(
                     request.topology, [&] { return plan_tests(builtin_registry(), request); }),
                 UnresolvedCpuSet);
    return testing::internal::GetCapturedStderr();
  };
  const std::string garbled = stderr_of_planning("garbage");
  EXPECT_EQ(std::count(garbled.begin(), garbled.end(), '\n'), 1) << garbled;
  EXPECT_EQ(garbled.rfind("corebench: warning: topology detection had ", 0), 0u) << garbled;
  EXPECT_EQ(stderr_of_planning("amd-zen5-vm-2cpu"), "");
}

}  // namespace
}  // namespace corebench
