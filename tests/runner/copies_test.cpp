// Rate mode: planning copies on fixture machines, the aggregate and its
// breakdown by core type, and copies run end to end by the real runner.
#include "runner/results/copies.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "runner/common/error.h"
#include "runner/common/paths.h"
#include "runner/plan/plan.h"
#include "runner/results/compare.h"
#include "runner/results/report/reporter.h"
#include "runner/results/result.h"
#include "support/misbehaving_workloads.h"
#include "support/run_command.h"
#include "workloads/common/cpu_mask.h"
#include "workloads/registry.h"

namespace corebench {
namespace {

PlanRequest fixture_request(const std::string& fixture, const std::string& profile,
                            const std::string& copies, const std::string& threads = "") {
  return PlanRequest{
      .targets = {"sysbench"},
      .cpus = "",
      .threads = threads,
      .copies = copies,
      .suite_dirs = {{.path = data_dir() / "profiles" / "suites"}},
      .topology = detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + fixture),
      .profile = load_machine_profile(data_dir() / "profiles" / "machines" / (profile + ".toml")),
      .placement = std::nullopt};
}

std::vector<int> cpus_of(const PlannedTest& test) {
  std::vector<int> cpus;
  for (const CopyPlan& copy : test.copies) {
    EXPECT_EQ(copy.cpus.size(), 1u);
    cpus.push_back(copy.cpus.front());
  }
  return cpus;
}

std::string planning_error(const PlanRequest& request) {
  try {
    plan_tests(builtin_registry(), request);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(CopiesPlan, PerTypeIsOnePassPerCoreTypeFastestFirst) {
  const auto tests =
      plan_tests(builtin_registry(), fixture_request("nvidia-dgx-gb10", "gb10", "per-type"));
  ASSERT_EQ(tests.size(), 2u);
  EXPECT_EQ(tests[0].spec.name(), "sysbench @copies=per-type:x925");
  EXPECT_EQ(tests[1].spec.name(), "sysbench @copies=per-type:a725");
  EXPECT_EQ(cpus_of(tests[0]), (std::vector<int>{5, 6, 7, 8, 9, 15, 16, 17, 18, 19}));
  EXPECT_EQ(cpus_of(tests[1]), (std::vector<int>{0, 1, 2, 3, 4, 10, 11, 12, 13, 14}));
  for (const CopyPlan& copy : tests[1].copies) EXPECT_EQ(copy.core_type, "a725");
  EXPECT_EQ(tests[0].threads, 1);
  EXPECT_EQ(tests[0].cpus.to_string(), "5-9,15-19");
}

TEST(CopiesPlan, PerCoreTakesOneThreadOfEachCoreFastestTypeFirst) {
  const auto tests = plan_tests(builtin_registry(),
                                fixture_request("intel-i7-1370p-hybrid", "generic", "per-core"));
  ASSERT_EQ(tests.size(), 1u);
  EXPECT_EQ(cpus_of(tests[0]),
            (std::vector<int>{0, 2, 4, 6, 8, 10, 12, 13, 14, 15, 16, 17, 18, 19}));
  EXPECT_EQ(tests[0].copies.front().core_type, "p");
  EXPECT_EQ(tests[0].copies.back().core_type, "e");
  // Two threads per copy fit a P-core's SMT pair, not an E-core.
  EXPECT_NE(planning_error(fixture_request("intel-i7-1370p-hybrid", "generic", "per-core", "2"))
                .find("the core of CPU 12 has 1 CPU in the set"),
            std::string::npos);
  const auto pairs = plan_tests(
      builtin_registry(), fixture_request("intel-i7-1370p-hybrid", "generic", "per-type:p", "2"));
  ASSERT_EQ(pairs.front().copies.size(), 6u);
  EXPECT_EQ(pairs.front().copies.front().cpus, (std::vector<int>{0, 1}));
}

TEST(CopiesPlan, CountFillsCoresBeforeSiblingsFastestFirst) {
  const auto three =
      plan_tests(builtin_registry(), fixture_request("nvidia-dgx-gb10", "gb10", "3"));
  ASSERT_EQ(three.front().copies.size(), 3u);
  for (const CopyPlan& copy : three.front().copies) EXPECT_EQ(copy.core_type, "x925");
  const auto smt =
      plan_tests(builtin_registry(), fixture_request("intel-i7-1370p-hybrid", "generic", "7", "2"));
  ASSERT_EQ(smt.front().copies.size(), 7u);
  EXPECT_EQ(smt.front().cpus.size(), 14u);
}

TEST(CopiesPlan, ImpossibleCopiesAreOneLineErrors) {
  EXPECT_NE(planning_error(fixture_request("nvidia-dgx-gb10", "gb10", "21"))
                .find("sysbench @copies=21: 21 copies of 1 thread need 21 CPUs; the set has 20"),
            std::string::npos);
  EXPECT_NE(planning_error(fixture_request("nvidia-dgx-gb10", "gb10", "0"))
                .find("copies '0': give a number from 1 to 4096, per-core, per-type or "
                      "per-type:TYPE"),
            std::string::npos);
  EXPECT_NE(planning_error(fixture_request("nvidia-dgx-gb10", "gb10", "per-type:zen5"))
                .find("the set has no core of type 'zen5' (it has: x925, a725)"),
            std::string::npos);
  EXPECT_NE(planning_error(fixture_request("nvidia-dgx-gb10", "gb10", "2", "all"))
                .find("2 copies of 20 threads need 40 CPUs"),
            std::string::npos);
}

CopyRun copy_of(int index, const std::string& type, double seconds, double value,
                bool verified = true) {
  return {.copy = index,
          .cpus = std::to_string(index),
          .core_type = type,
          .seconds = seconds,
          .value = value,
          .verified = verified,
          .detail = verified ? "fine" : "answer is 41",
          .facts = {},
          .observed_cpus = {},
          .strayed = false};
}

TEST(CopiesAggregate, RatesAddUpAndTimesBecomeRunsPerHour) {
  RunRecord rates;
  rates.copies = {copy_of(0, "x925", 2, 300), copy_of(1, "x925", 2, 200),
                  copy_of(2, "a725", 4, 100)};
  aggregate_copies(rates, Direction::HigherIsBetter);
  EXPECT_DOUBLE_EQ(rates.value, 600);
  EXPECT_DOUBLE_EQ(rates.seconds, 4);
  EXPECT_TRUE(rates.verified);
  EXPECT_EQ(copies_unit("MB/s", Direction::HigherIsBetter), "MB/s");

  RunRecord times;
  times.copies = {copy_of(0, "x925", 10, 10), copy_of(1, "a725", 20, 20)};
  aggregate_copies(times, Direction::LowerIsBetter);
  EXPECT_DOUBLE_EQ(times.value, 2 * 3600.0 / 20);  // the slowest copy ends the run
  EXPECT_EQ(copies_unit("s", Direction::LowerIsBetter), "runs/h");

  const auto shares = copies_by_type({rates}, Direction::HigherIsBetter);
  ASSERT_EQ(shares.size(), 2u);
  EXPECT_EQ(shares[0].core_type, "x925");
  EXPECT_EQ(shares[0].copies, 2);
  EXPECT_DOUBLE_EQ(shares[0].value, 500);
  EXPECT_DOUBLE_EQ(shares[1].value, 100);
  const auto time_shares = copies_by_type({times}, Direction::LowerIsBetter);
  EXPECT_DOUBLE_EQ(time_shares[0].value, 360);  // one copy in 10 s
  EXPECT_DOUBLE_EQ(time_shares[1].value, 180);
}

TEST(CopiesAggregate, OneWrongCopyMakesTheRunWrongAndNamesIt) {
  RunRecord run;
  run.copies = {copy_of(0, "x925", 2, 300), copy_of(1, "x925", 2, 200, false)};
  aggregate_copies(run, Direction::HigherIsBetter);
  EXPECT_FALSE(run.verified);
  EXPECT_EQ(run.detail, "copy 1 (CPUs 1): answer is 41");
  EXPECT_TRUE(copies_by_type({run}, Direction::HigherIsBetter).empty());
}

TEST(CopiesResultFile, CopiesSurviveTheFile) {
  ResultFile file;
  TestResult test;
  test.name = "steady @copies=2";
  test.workload = "steady";
  test.unit = "runs/h";
  test.copies = {.count = 2, .spec = "2", .unit = "s", .direction = Direction::LowerIsBetter};
  RunRecord run;
  run.copies = {copy_of(0, "zen5", 1, 1), copy_of(1, "zen5", 2, 2)};
  aggregate_copies(run, Direction::LowerIsBetter);
  test.runs = {run};
  file.tests = {test};
  const ResultFile back = result_file_from_json(to_json(file));
  const TestResult& t = back.tests.front();
  EXPECT_EQ(t.copies.count, 2);
  EXPECT_EQ(t.copies.unit, "s");
  EXPECT_EQ(t.copies.direction, Direction::LowerIsBetter);
  ASSERT_EQ(t.runs.front().copies.size(), 2u);
  EXPECT_EQ(t.runs.front().copies[1].cpus, "1");
  EXPECT_DOUBLE_EQ(t.runs.front().copies[1].seconds, 2);
  EXPECT_DOUBLE_EQ(t.runs.front().value, 3600);
}

// A per-core test of a GB10-like machine: two X925 copies and one A725.
TestResult hybrid_copies_test() {
  TestResult test;
  test.name = "sysbench @copies=per-core";
  test.workload = "sysbench";
  test.unit = "events/s";
  test.copies = {
      .count = 3, .spec = "per-core", .unit = "events/s", .direction = Direction::HigherIsBetter};
  for (int i = 0; i < 3; ++i) {
    RunRecord run;
    run.copies = {copy_of(0, "x925", 1, 300), copy_of(1, "x925", 1, 300),
                  copy_of(2, "a725", 1, 150)};
    aggregate_copies(run, Direction::HigherIsBetter);
    test.runs.push_back(run);
  }
  test.refresh_derived();
  return test;
}

TEST(CopiesReport, EveryFormatShowsTheAggregateByCoreType) {
  ResultFile file;
  file.label = "spark";
  file.tests = {hybrid_copies_test()};
  const Comparison table = compare({file}, nullptr);
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_DOUBLE_EQ(table.rows[0].cells[0].value, 750);
  const auto format = [&](const std::string& name) {
    std::ostringstream out;
    make_reporter(name)->write(table, out);
    return out.str();
  };
  for (const std::string name : {"text", "markdown", "html"})
    EXPECT_NE(format(name).find("x925: 2 copies, 600.0 events/s; a725: 1 copy, 150.0"),
              std::string::npos)
        << name;
  EXPECT_NE(format("csv").find("x925=2:600;a725=1:150"), std::string::npos);
  const auto json = nlohmann::json::parse(format("json"));
  const auto& copies = json["rows"][0]["results"][0]["copies"];
  EXPECT_EQ(copies["count"], 3);
  EXPECT_EQ(copies["by_core_type"][1]["core_type"], "a725");
  EXPECT_DOUBLE_EQ(copies["by_core_type"][1]["value"].get<double>(), 150);
}

class CopiesRun : public ::testing::Test {
 protected:
  void SetUp() override {
    const CpuSet allowed(allowed_cpus());
    if (allowed.size() < 2) GTEST_SKIP() << "needs two CPUs this process may use";
    a_ = allowed.ids()[0];
    b_ = allowed.ids()[1];
    output_ = std::filesystem::path(::testing::TempDir()) /
              ("corebench-copies-" + std::to_string(getpid()) + ".json");
  }
  void TearDown() override { std::filesystem::remove(output_); }

  testing::CommandResult run(const std::string& workload) {
    return testing::run_command(
        {COREBENCH_TESTBIN, "run", workload, "--cpus", fmt_cpus(), "--copies", "2", "--runs", "2",
         "--timeout", "3", "--no-telemetry", "--output", output_.string(), "--reference", ""},
        {std::string(testing::kFaultyCpuVariable) + "=" + std::to_string(b_)});
  }
  std::string fmt_cpus() const { return std::to_string(a_) + "," + std::to_string(b_); }

  // The one test of a run that must not exit 0: the copy on the faulty CPU
  // named in the error and, in the last run, not verified beside the other
  // copy's value. Which copy is on which CPU is the placement's choice (the
  // fastest core type first), so the copies are told apart by their CPUs.
  TestResult failing(const std::string& workload) {
    const auto result = run(workload);
    EXPECT_EQ(result.exit_code, 1) << result.err;
    TestResult test = read_result_file(output_).tests.at(0);
    EXPECT_FALSE(test.runs.empty());
    if (test.runs.empty()) return test;
    const RunRecord& last = test.runs.back();
    EXPECT_EQ(last.copies.size(), 2u);
    if (last.copies.size() != 2) return test;
    const std::size_t bad = last.copies[0].cpus == std::to_string(b_) ? 0 : 1;
    EXPECT_EQ(last.copies[bad].cpus, std::to_string(b_));
    EXPECT_NE(test.error.find(fmt::format("copy {} (CPUs {}): ", bad, b_)), std::string::npos)
        << test.error;
    EXPECT_TRUE(last.copies[1 - bad].verified);
    EXPECT_GT(last.copies[1 - bad].value, 0);
    EXPECT_FALSE(last.copies[bad].verified);
    return test;
  }

  int a_ = 0, b_ = 0;
  std::filesystem::path output_;
};

TEST_F(CopiesRun, TwoCopiesGiveTwoPinnedValuesAndTheirSum) {
  const auto result = run("steady");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const ResultFile file = read_result_file(output_);
  const TestResult& test = file.tests.at(0);
  EXPECT_EQ(test.status, Status::Ok) << test.error;
  EXPECT_EQ(test.copies.count, 2);
  EXPECT_EQ(test.samples().size(), 2u);
  for (const RunRecord& r : test.runs) {
    ASSERT_EQ(r.copies.size(), 2u);
    EXPECT_EQ(CpuSet::parse_list(r.copies[0].cpus + "," + r.copies[1].cpus), CpuSet({a_, b_}));
    for (const CopyRun& copy : r.copies) {
      EXPECT_EQ(copy.observed_cpus, std::vector<std::string>{copy.cpus});
      EXPECT_GT(copy.value, 0);
    }
    EXPECT_DOUBLE_EQ(r.value, r.copies[0].value + r.copies[1].value);
  }
}

TEST_F(CopiesRun, AWrongCopyIsNamedAndTheOthersValueKept) {
  const TestResult test = failing("wrong-on-cpu");
  EXPECT_EQ(test.status, Status::WrongAnswer);
  EXPECT_NE(test.error.find("): answer is 41"), std::string::npos) << test.error;
}

TEST_F(CopiesRun, ACrashingCopyFailsTheTestAndTheOthersValueIsKept) {
  const TestResult test = failing("crash-on-cpu");
  EXPECT_EQ(test.status, Status::Failed);
  EXPECT_NE(test.error.find("signal 6"), std::string::npos) << test.error;
  ASSERT_EQ(test.runs.size(), 1u);  // the warm-up, where the faulty copy died
  for (const CopyRun& copy : test.runs[0].copies) {
    if (!copy.verified) {
      EXPECT_NE(copy.detail.find("signal 6"), std::string::npos) << copy.detail;
    }
  }
}

TEST_F(CopiesRun, AHangingCopyTimesOutAndTheOthersValueIsKept) {
  const TestResult test = failing("hang-on-cpu");
  EXPECT_EQ(test.status, Status::Timeout);
  EXPECT_NE(test.error.find("): the warm-up run took longer than 3 s; stopped"), std::string::npos)
      << test.error;
  EXPECT_EQ(test.runs.size(), 1u);
}

}  // namespace
}  // namespace corebench
