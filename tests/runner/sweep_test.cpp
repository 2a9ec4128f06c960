// Sweeps and profile-driven planning on the fixture machines: which rows,
// which CPUs, and the table's arithmetic.
#include <gtest/gtest.h>

#include "runner/common/error.h"
#include "runner/common/paths.h"
#include "runner/plan/sweep_plan.h"
#include "runner/results/sweep_table.h"

namespace corebench {
namespace {

const std::string kSmall = "ramspeed:op=copy,type=int,size=1MiB,passes=2";

PlanRequest machine_request(const std::string& machine, const std::string& profile) {
  return PlanRequest{
      .targets = {},
      .cpus = "",
      .threads = "",
      .copies = "",
      .suite_dirs = {{.path = data_dir() / "profiles" / "suites"}},
      .topology = detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + machine),
      .profile = load_machine_profile(data_dir() / "profiles" / "machines" / (profile + ".toml")),
      .placement = std::nullopt};
}

TEST(SweepSets, CommasInsideParenthesesStay) {
  EXPECT_EQ(split_sweep_sets("0,1,all"), (std::vector<std::string>{"0", "1", "all"}));
  EXPECT_EQ(split_sweep_sets("(0-4,10-14),x925:1"),
            (std::vector<std::string>{"(0-4,10-14)", "x925:1"}));
  EXPECT_THROW(split_sweep_sets("0,,1"), Error);
  EXPECT_THROW(split_sweep_sets("(0"), Error);
  EXPECT_THROW(split_sweep_sets("0)"), Error);
  EXPECT_EQ(parse_sweep_threads("1,2,4"), (std::vector<int>{1, 2, 4}));
  EXPECT_THROW(parse_sweep_threads("1,x"), Error);
}

TEST(SweepPlan, Gb10PresetRows) {
  const PlanRequest gb10 = machine_request("nvidia-dgx-gb10", "gb10");
  const SweepPlan plan = plan_sweep(builtin_registry(), kSmall, gb10.profile.sweep_sets, {}, gb10);
  std::vector<std::string> rows;
  for (const auto& test : plan.tests) {
    rows.push_back(test.cpus_spec + " " + std::to_string(test.threads) + " " + test.schedule);
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"x925:1 1 static", "a725:1 1 static", "x925 10 static",
                                            "a725 10 static", "cluster0 10 dynamic",
                                            "cluster1 10 dynamic", "all 20 dynamic"}));
  EXPECT_TRUE(plan.notes.empty());
  // One thread per CPU, the X925s of both clusters first under compact.
  EXPECT_EQ(plan.tests[6].planned_cpus.front(), 5);
  EXPECT_EQ(plan.tests[6].planned_cpus.back(), 14);
}

TEST(SweepPlan, RepeatsAndOversizedRowsAreLeftOutWithANote) {
  const PlanRequest strix = machine_request("amd-strix-halo-synthetic", "strix-halo");
  const SweepPlan plan =
      plan_sweep(builtin_registry(), kSmall, {"ccd0", "l3:0", "core:0"}, {1, 4}, strix);
  ASSERT_EQ(plan.tests.size(), 3u);  // ccd0 x1, ccd0 x4, core:0 x1
  EXPECT_EQ(plan.notes,
            (std::vector<std::string>{"left out l3:0 with 1 threads: the same as ccd0",
                                      "left out l3:0 with 4 threads: the same as ccd0",
                                      "left out core:0 with 4 threads: it has 2 CPUs"}));
}

TEST(Plan, ProfileDefaultsPutSingleThreadsOnTheFastestCore) {
  PlanRequest gb10 = machine_request("nvidia-dgx-gb10", "gb10");
  gb10.targets = {kSmall};
  gb10.threads = "1";
  const auto single = plan_tests(builtin_registry(), gb10).front();
  EXPECT_EQ(single.cpus_spec, "x925:1");
  EXPECT_EQ(single.cpus, CpuSet({5}));  // an X925, not cpu 0 (an A725)
  gb10.threads = "";
  gb10.placement = Placement::Spread;
  const auto multi = plan_tests(builtin_registry(), gb10).front();
  EXPECT_EQ(multi.cpus_spec, "all");
  EXPECT_EQ(multi.threads, 20);
  EXPECT_EQ(multi.placement, "spread");
  EXPECT_EQ(multi.schedule, "dynamic");
  EXPECT_EQ(std::vector<int>(multi.planned_cpus.begin(), multi.planned_cpus.begin() + 4),
            (std::vector<int>{5, 15, 6, 16}));
}

TestResult row(const std::string& set, int threads, double mean, Direction direction) {
  TestResult t;
  t.cpus_spec = set;
  t.cpus = set;
  t.threads = threads;
  t.direction = direction;
  t.summary.n = 3;
  t.summary.mean = mean;
  return t;
}

TEST(SweepTable, MultipliersAndEfficiency) {
  const auto up = Direction::HigherIsBetter;
  TestResult failed = row("x", 2, 0, up);
  failed.status = Status::Failed;
  const auto rows =
      sweep_rows({row("0", 1, 100, up), row("1", 1, 120, up), row("all", 2, 180, up), failed});
  EXPECT_DOUBLE_EQ(*rows[0].multiplier, 1.0);
  EXPECT_DOUBLE_EQ(*rows[1].multiplier, 1.2);
  EXPECT_DOUBLE_EQ(*rows[2].multiplier, 1.8);
  EXPECT_DOUBLE_EQ(*rows[1].efficiency, 1.0);   // the best single thread
  EXPECT_DOUBLE_EQ(*rows[2].efficiency, 0.75);  // 90 per thread / 120
  EXPECT_FALSE(rows[3].value);
  EXPECT_EQ(rows[3].status, "failed");
  const std::string table = format_sweep(rows, "MB/s");
  EXPECT_NE(table.find("1.80x"), std::string::npos) << table;
  EXPECT_NE(table.find("75%"), std::string::npos) << table;
}

TEST(SweepTable, SecondsAreInvertedSoFasterIsAboveOne) {
  const auto down = Direction::LowerIsBetter;
  const auto rows = sweep_rows({row("0", 1, 10, down), row("all", 2, 5, down)});
  EXPECT_DOUBLE_EQ(*rows[1].multiplier, 2.0);
  EXPECT_DOUBLE_EQ(*rows[1].efficiency, 1.0);
}

}  // namespace
}  // namespace corebench
