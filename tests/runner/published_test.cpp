// Published figures: the shipped reviews against their suites, the file
// format's errors, and where measured multipliers lie against the review's.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "runner/common/error.h"
#include "runner/common/paths.h"
#include "runner/plan/suite.h"
#include "runner/results/published_compare.h"
#include "runner/results/report/published_report.h"
#include "support/run_command.h"
#include "workloads/registry.h"

namespace corebench {
namespace {

TEST(ShippedReviews, EachResultMapsToItsSuiteAndEachSuiteTestToAResult) {
  const std::vector<std::string> names = published_names();
  ASSERT_EQ(std::set<std::string>(names.begin(), names.end()),
            (std::set<std::string>{"signal65-2026", "strix-vs-spark"}));
  const Registry registry = builtin_registry();
  for (const std::string& name : names) {
    const PublishedReview review = find_published(name);
    const Suite suite = load_suite(data_dir() / "profiles" / "suites" / (review.suite + ".toml"));
    std::set<std::string> suite_tests;
    for (const TestSpec& spec : suite.tests) {
      suite_tests.insert(spec.name());
      const PublishedResult* result = review.result_of(spec.name());
      ASSERT_NE(result, nullptr) << name << ": no published result for " << spec.name();
      // The review's metric and the workload's point the same way.
      EXPECT_EQ(registry.find(spec.workload)->info.direction(), result->direction)
          << name << ": " << spec.name();
    }
    for (const PublishedResult& result : review.results) {
      for (const std::string& test : result.tests)
        EXPECT_TRUE(suite_tests.count(test))
            << name << ": " << test << " is not in " << review.suite;
      EXPECT_TRUE(result.figures.count(review.reference)) << name << ": " << result.name;
    }
  }
}

class PublishedFile : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("corebench-published-" + std::to_string(getpid()));
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The error of loading a review whose one result is `result`.
  std::string error_of(const std::string& result) {
    const auto file = dir_ / "review.toml";
    std::ofstream(file) << "title = \"A review\"\nsuite = \"quick\"\nreference = \"A\"\n"
                           "[[machine]]\nname = \"A\"\nsystem = \"a box\"\n"
                           "[[machine]]\nname = \"B\"\nsystem = \"another box\"\n"
                           "[[result]]\n"
                        << result;
    try {
      load_published(file);
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  }
};

constexpr const char* kGood =
    "name = \"C-Ray\"\nwhere = \"figure 1\"\ndirection = \"lower\"\n"
    "tests = [\"c-ray\"]\nfigures = { \"A\" = 1.0, \"B\" = [0.7, 0.8] }\n";

TEST_F(PublishedFile, ReadsAGoodOne) {
  EXPECT_EQ(error_of(kGood), "no error");
}

TEST_F(PublishedFile, BadOnesNameFileLineAndKey) {
  const std::string base = "name = \"C-Ray\"\nwhere = \"figure 1\"\ndirection = \"lower\"\n";
  const struct {
    std::string result;
    std::string expected;
  } cases[] = {
      {base + "tests = [\"c-ray\"]\nfigures = { \"C\" = 1.0 }\n",
       "review.toml:15: 'result.figures.C': not a [[machine]] (machines: A, B)"},
      {base + "tests = [\"c-ray\"]\nfigures = { \"B\" = [0.8, 0.7] }\n", "low first"},
      {base + "tests = [\"c-ray\"]\nfigures = { \"B\" = -1 }\n", "must be a positive number"},
      {base + "tests = [\"c-ray\"]\nfigures = { \"A\" = 0.9 }\n", "must be 1.0"},
      {base + "tests = []\nfigures = { \"B\" = 0.9 }\n", "needs missing"},
      {base + "tests = [\"c-ray\"]\nmissing = \"x\"\nfigures = { \"B\" = 0.9 }\n",
       "only for a result without tests"},
      {base + "tests = [\"c-ray\"]\nfigures = { \"B\" = 0.9 }\ncolour = \"red\"\n", "colour"},
      {"name = \"x\"\nwhere = \"y\"\ndirection = \"up\"\ntests = [\"c-ray\"]\nfigures = { B = 1 "
       "}\n",
       "review.toml:13: 'result.direction'"},
      {std::string(kGood) + "[[result]]\n" + kGood, "belongs to two results"},
  };
  for (const auto& c : cases) {
    const std::string error = error_of(c.result);
    EXPECT_NE(error.find(c.expected), std::string::npos) << c.result << "\n" << error;
    EXPECT_NE(error.find("review.toml"), std::string::npos) << error;
  }
}

TEST(PublishedFigures, RelativeToAnotherMachineSpanEveryRatio) {
  PublishedResult result;
  result.figures = {{"A", {1, 1}}, {"B", {0.7, 0.8}}, {"C", {0.5, 0.5}}};
  const PublishedFigure b = *relative_figure(result, "B", "A");
  EXPECT_DOUBLE_EQ(b.low, 0.7);
  EXPECT_DOUBLE_EQ(b.high, 0.8);
  // C against B: 0.5/0.8 to 0.5/0.7.
  const PublishedFigure c = *relative_figure(result, "C", "B");
  EXPECT_DOUBLE_EQ(c.low, 0.5 / 0.8);
  EXPECT_DOUBLE_EQ(c.high, 0.5 / 0.7);
  EXPECT_FALSE(relative_figure(result, "D", "A"));
  EXPECT_EQ(format_figure(b), "0.70–0.80x");
  EXPECT_EQ(format_figure({0.91, 0.91}), "0.91x");
}

TEST(PublishedFigures, OutsideOnlyWhenTheWholeIntervalMisses) {
  const PublishedFigure range{0.7, 0.8};
  EXPECT_EQ(agreement_of({.value = 0.75, .interval = Interval{0.74, 0.76}}, range),
            Agreement::Inside);
  // The estimate outside, its interval reaching in.
  EXPECT_EQ(agreement_of({.value = 0.65, .interval = Interval{0.60, 0.71}}, range),
            Agreement::Inside);
  EXPECT_EQ(agreement_of({.value = 0.65, .interval = Interval{0.60, 0.69}}, range),
            Agreement::Outside);
  EXPECT_EQ(agreement_of({.value = 0.9, .interval = Interval{0.85, 0.95}}, range),
            Agreement::Outside);
  // No interval (one run): the value alone.
  EXPECT_EQ(agreement_of({.value = 0.81, .interval = std::nullopt}, range), Agreement::Outside);
}

TestResult timed(const std::string& name, std::vector<double> seconds, Status status = Status::Ok) {
  TestResult t;
  t.name = name;
  t.workload = name.substr(0, name.find(':'));
  t.unit = "s";
  t.direction = Direction::LowerIsBetter;
  t.status = status;
  for (double s : seconds) t.runs.push_back({false, s, s, true, "", {}});
  t.refresh_derived();
  return t;
}

ResultFile file(const std::string& label, std::vector<TestResult> tests) {
  ResultFile f;
  f.label = label;
  f.tests = std::move(tests);
  return f;
}

PublishedReview review() {
  PublishedReview r;
  r.name = "review";
  r.title = "A review";
  r.reference = "A";
  r.machines = {{"A", "a box"}, {"B", "another box"}, {"C", "a third"}};
  r.results = {
      {.name = "Fast",
       .where = "figure 1",
       .direction = Direction::LowerIsBetter,
       .tests = {"fast"},
       .missing = "",
       .note = "",
       .figures = {{"A", {1, 1}}, {"B", {0.7, 0.8}}}},
      {.name = "Slow",
       .where = "figure 2",
       .direction = Direction::LowerIsBetter,
       .tests = {"slow"},
       .missing = "",
       .note = "",
       .figures = {{"A", {1, 1}}, {"B", {1.5, 1.5}}}},
      {.name = "Only A",
       .where = "figure 3",
       .direction = Direction::LowerIsBetter,
       .tests = {"only-a"},
       .missing = "",
       .note = "",
       .figures = {{"A", {1, 1}}}},
      {.name = "Later",
       .where = "figure 4",
       .direction = Direction::LowerIsBetter,
       .tests = {},
       .missing = "issue 99 adds it",
       .note = "",
       .figures = {{"A", {1, 1}}, {"B", {2, 2}}}},
  };
  return r;
}

TEST(ComparePublished, MarksInsideOutsideAndNoFigure) {
  // B takes 4/3 of A's time on "fast" (0.75x: inside 0.70-0.80) and on
  // "slow" (0.75x, where the review has 1.5x: outside).
  const ResultFile a =
      file("spark", {timed("fast", {3.0, 3.01, 2.99}), timed("slow", {3.0, 3.01, 2.99}),
                     timed("only-a", {1, 1.01, 0.99}), timed("extra", {1, 1.01, 0.99})});
  const ResultFile b =
      file("strix", {timed("fast", {4.0, 4.01, 3.99}), timed("slow", {4.0, 4.01, 3.99}),
                     timed("only-a", {1, 1.01, 0.99}), timed("extra", {1, 1.01, 0.99})});
  // B given first: the base is still the review's reference machine, A.
  const PublishedComparison table =
      compare_published(review(), {{.machine = "B", .file = b}, {.machine = "A", .file = a}}, {});
  EXPECT_EQ(table.base, "A");
  ASSERT_EQ(table.machines, std::vector<std::string>{"B"});
  std::map<std::string, Agreement> marks;
  for (const PublishedRow& row : table.rows) marks[row.test] = row.cells.at(0).agreement;
  EXPECT_EQ(marks["fast"], Agreement::Inside);
  EXPECT_EQ(marks["slow"], Agreement::Outside);
  EXPECT_EQ(marks["only-a"], Agreement::NoFigure);  // the review has no figure for B
  EXPECT_EQ(marks["extra"], Agreement::NoFigure);   // not a test of the review
  EXPECT_EQ(table.agreeing, 1u);
  EXPECT_EQ(table.judged, 2u);
  EXPECT_EQ(agreement_summary(table), "agrees on 1 of 2 tests");
  ASSERT_EQ(table.unmeasured.size(), 1u);
  EXPECT_EQ(table.unmeasured[0].first, "Later");
  EXPECT_EQ(table.unmeasured[0].second, "issue 99 adds it");

  std::ostringstream text;
  make_published_reporter("text")->write(table, text);
  EXPECT_NE(text.str().find("outside"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("0.70–0.80x"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("agrees on 1 of 2 tests"), std::string::npos) << text.str();
  std::ostringstream json;
  make_published_reporter("json")->write(table, json);
  const auto parsed = nlohmann::json::parse(json.str());
  EXPECT_EQ(parsed["agreeing"], 1);
  EXPECT_THROW(make_published_reporter("html"), Error);
}

TEST(ComparePublished, WithoutTheReferenceMachineTheFirstIsTheBase) {
  // B at 0.75x of A and C at 0.5x: C against B is 0.667x.
  PublishedReview r = review();
  r.results[0].figures["C"] = {0.5, 0.5};
  const ResultFile b = file("b", {timed("fast", {4.0, 4.01, 3.99})});
  const ResultFile c = file("c", {timed("fast", {6.0, 6.01, 5.99}, Status::Ok)});
  const PublishedComparison table =
      compare_published(r, {{.machine = "B", .file = b}, {.machine = "C", .file = c}}, {});
  EXPECT_EQ(table.base, "B");
  ASSERT_EQ(table.rows.size(), 1u);
  const PublishedCell& cell = table.rows[0].cells.at(0);
  EXPECT_NEAR(cell.published->low, 0.5 / 0.8, 1e-12);
  EXPECT_NEAR(cell.measured->value, 4.0 / 6.0, 1e-3);
  EXPECT_EQ(cell.agreement, Agreement::Inside);
}

TEST(ComparePublished, AFailedTestIsNotMeasured) {
  const ResultFile a = file("a", {timed("fast", {3.0, 3.01, 2.99})});
  const ResultFile b = file("b", {timed("fast", {4.0, 4.01, 3.99}, Status::WrongAnswer)});
  const PublishedComparison table =
      compare_published(review(), {{.machine = "A", .file = a}, {.machine = "B", .file = b}}, {});
  EXPECT_EQ(table.rows.at(0).cells.at(0).agreement, Agreement::NotMeasured);
  EXPECT_EQ(table.judged, 0u);
  EXPECT_THROW(compare_published(review(), {{.machine = "A", .file = a}}, {}), Error);
}

// Two small result files through the command line against the shipped
// Signal65 figures: RAMspeed integer add at 0.78x of the Spark lies in the
// published 0.76-0.80x, integer copy at 0.50x outside it, and a test the
// review does not have gets no figure.
TEST(ComparePublished, TwoResultFilesAgainstTheShippedReview) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("corebench-vs-review-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto rate = [](const std::string& name, double value) {
    TestResult t;
    t.name = name;
    t.workload = name.substr(0, name.find(':'));
    t.unit = "MB/s";
    t.direction = Direction::HigherIsBetter;
    for (double v : {value * 0.999, value, value * 1.001})
      t.runs.push_back({false, 1, v, true, "", {}});
    return t;
  };
  const auto write = [&](const std::string& name, double add, double copy) {
    ResultFile f;
    f.label = name;
    f.tests = {rate("ramspeed:op=add,type=int", add), rate("ramspeed:op=copy,type=int", copy),
               rate("sysbench:events=10", 100)};
    write_result_file(dir / (name + ".json"), f);
    return (dir / (name + ".json")).string();
  };
  const std::string spark = write("spark", 100, 100), strix = write("strix", 78, 50);
  const auto result = testing::run_command(
      {COREBENCH_BIN, "compare", spark, strix, "--published", "signal65-2026", "--as",
       "Strix Halo=" + strix + ",DGX Spark=" + spark, "--format", "json"});
  std::filesystem::remove_all(dir);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto table = nlohmann::json::parse(result.out);
  EXPECT_EQ(table["base"]["machine"], "DGX Spark");
  std::map<std::string, std::string> marks;
  for (const auto& row : table["rows"]) marks[row["test"]] = row["cells"][0]["agreement"];
  EXPECT_EQ(marks["ramspeed:op=add,type=int"], "inside");
  EXPECT_EQ(marks["ramspeed:op=copy,type=int"], "outside");
  EXPECT_EQ(marks["sysbench:events=10"], "no figure");
  EXPECT_EQ(table["agreeing"], 1);
  EXPECT_EQ(table["judged"], 2);
}

}  // namespace
}  // namespace corebench
