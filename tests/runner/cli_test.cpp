// Bad input from a user: every case is one line on stderr that names the
// problem, and exit status 2; never a crash.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "runner/machine/topology.h"
#include "runner/results/result.h"
#include "support/run_command.h"

namespace corebench {
namespace {

using testing::run_command;

struct BadInput {
  std::vector<std::string> args;
  std::string expected;
};

bool detection_had_problems() {
  static const bool problems = !detect_topology().warnings.empty();
  return problems;
}

// A CPU number past the last online one (99 is online on a large machine).
std::string beyond_online() {
  return std::to_string(detect_topology().online.ids().back() + 1);
}

void expect_one_line_error(const BadInput& bad) {
  std::vector<std::string> argv = {COREBENCH_BIN};
  argv.insert(argv.end(), bad.args.begin(), bad.args.end());
  const auto result = run_command(argv);
  std::string shown;
  for (const auto& a : bad.args) shown += a + " ";
  EXPECT_EQ(result.exit_code, 2) << shown << "(usage and input errors exit 2)";
  // The error is one line. On a machine whose topology detection had
  // problems, a CPU set that does not resolve is preceded by one line that
  // says so (it may be why); nothing else is ever printed with an error.
  std::string error = result.err;
  const std::string detection = "corebench: warning: topology detection had ";
  if (detection_had_problems() && error.rfind(detection, 0) == 0)
    error = error.substr(error.find('\n') + 1);
  EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1) << shown << result.err;
  EXPECT_EQ(error.rfind("corebench: error: ", 0), 0u) << shown << result.err;
  EXPECT_NE(error.find(bad.expected), std::string::npos) << shown << result.err;
}

TEST(Cli, BadRunInput) {
  const std::vector<BadInput> cases = {
      {{"run", "nosuch"}, "unknown suite or workload 'nosuch'"},
      {{"run", "ramspeed:colour=blue"}, "unknown option 'colour'"},
      {{"run", "ramspeed:size=1"}, "out of range"},
      {{"run", "ramspeed:op=divide"}, "'divide' is not one of"},
      {{"run", "ramspeed", "--cpus", "0-"}, "found 'end' (position 2)"},
      {{"run", "ramspeed", "--cpus", beyond_online()},
       "CPUs " + beyond_online() + " are not online"},
      {{"run", "ramspeed", "--cpus", "a"}, "unknown name 'a'"},
      {{"run", "ramspeed", "--cpus", "all-all"}, "it names no CPU"},
      {{"run", "ramspeed", "--placement", "scatter"}, "scatter"},
      {{"run", "ramspeed", "--profile", "nosuch"}, "no machine profile 'nosuch'"},
      {{"sweep"}, "workload"},
      {{"sweep", "ramspeed", "--sets", "0,,1"}, "empty set at position 2"},
      {{"sweep", "ramspeed", "--sets", "(0"}, "unbalanced parentheses"},
      {{"sweep", "ramspeed", "--threads", "0"}, "'0' is not a thread count"},
      {{"sweep", "ramspeed", "--sets", "x999"}, "unknown name 'x999'"},
      {{"info", "--sysfs-root", "/nonexistent"}, "holds neither proc/cpuinfo"},
      {{"run", "ramspeed", "--threads", "-3"}, "threads '-3'"},
      {{"run", "ramspeed", "--runs", "0"}, "--runs"},
      {{"run", "--bogus"}, "--bogus"},
      {{"run", "ramspeed", "--reference", "/nonexistent/ref.json"}, "/nonexistent/ref.json"},
      {{"frobnicate"}, "frobnicate"},
  };
  for (const auto& bad : cases) expect_one_line_error(bad);
}

TEST(Cli, BadCompareInput) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("corebench-cli-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "corrupt.json") << "{ not json";
  std::ofstream(dir / "empty.json") << "";
  const std::vector<BadInput> cases = {
      {{"compare", (dir / "missing.json").string()}, "missing.json"},
      {{"compare", (dir / "corrupt.json").string()}, "corrupt.json: not valid JSON"},
      {{"compare", (dir / "empty.json").string()}, "empty.json"},
      {{"compare"}, "files"},
      {{"compare", (dir / "corrupt.json").string(), "--format", "pdf"}, "pdf"},
      {{"compare", (dir / "corrupt.json").string(), "--statistic", "mode"}, "mode"},
      {{"relabel", (dir / "corrupt.json").string(), "x"}, "corrupt.json: not valid JSON"},
      {{"relabel", (dir / "missing.json").string(), "x"}, "missing.json"},
      {{"relabel", (dir / "corrupt.json").string()}, "label"},
  };
  for (const auto& bad : cases) expect_one_line_error(bad);
  std::filesystem::remove_all(dir);
}

TEST(Cli, RelabelKeepsEverythingElse) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("corebench-relabel-" + std::to_string(getpid()) + ".json");
  ResultFile result;
  result.label = "old name";
  TestResult test;
  test.name = "bw";
  test.workload = "ramspeed";
  test.unit = "MB/s";
  test.runs = {{false, 1, 10, true, "", {}}, {false, 1, 11, true, "", {}}};
  result.tests = {test};
  write_result_file(file, result);
  const auto done = run_command({COREBENCH_BIN, "relabel", file.string(), "new name"});
  ASSERT_EQ(done.exit_code, 0) << done.err;
  const ResultFile back = read_result_file(file);
  EXPECT_EQ(back.label, "new name");
  ASSERT_EQ(back.tests.size(), 1u);
  EXPECT_EQ(back.tests[0].samples(), (std::vector<double>{10, 11}));
  std::filesystem::remove(file);
}

TEST(Cli, HelpAndVersionOnEveryVerb) {
  EXPECT_EQ(run_command({COREBENCH_BIN, "--version"}).exit_code, 0);
  for (const char* verb : {"list", "info", "run", "compare", "relabel"}) {
    const auto result = run_command({COREBENCH_BIN, verb, "--help"});
    EXPECT_EQ(result.exit_code, 0) << verb;
    EXPECT_NE(result.out.find(std::string("corebench ") + verb), std::string::npos)
        << verb << ": " << result.out;
  }
}

TEST(Cli, ListAndInfoAsJson) {
  const auto list = run_command({COREBENCH_BIN, "list", "--json"});
  ASSERT_EQ(list.exit_code, 0);
  const auto workloads = nlohmann::json::parse(list.out)["workloads"];
  ASSERT_FALSE(workloads.empty());
  EXPECT_EQ(workloads[0]["id"], "ramspeed");
  EXPECT_FALSE(workloads[0]["options"].empty());
  const auto info = run_command({COREBENCH_BIN, "info", "--json"});
  ASSERT_EQ(info.exit_code, 0);
  EXPECT_GE(nlohmann::json::parse(info.out)["logical_cpus"].get<int>(), 1);
}

TEST(Cli, DryRunListsEveryEntryAndRunsNothing) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("corebench-dry-" + std::to_string(getpid()));
  const auto output = dir / "never.json";
  const auto result = run_command(
      {COREBENCH_BIN, "run", "signal65-2026", "--dry-run", "--output", output.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("10 tests planned"), std::string::npos) << result.out;
  for (int row = 1; row <= 10; ++row)
    EXPECT_NE(result.out.find(fmt::format("\n{} ", row)), std::string::npos) << row;
  EXPECT_NE(result.out.find("Estimated: "), std::string::npos) << result.out;
  EXPECT_FALSE(std::filesystem::exists(output));
  const auto list = run_command({COREBENCH_BIN, "list", "--json"});
  const auto listed = nlohmann::json::parse(list.out);
  for (const auto& suite : listed["suites"])
    EXPECT_TRUE(suite.contains("estimated_seconds")) << suite.dump();
}

TEST(Cli, BadPublishedInput) {
  const std::string one = std::string(COREBENCH_TEST_DATA) + "/fixtures/results/report-1.json";
  const std::string two = std::string(COREBENCH_TEST_DATA) + "/fixtures/results/report-2.json";
  const std::string both = "DGX Spark=" + one + ",Strix Halo=" + two;
  const std::vector<BadInput> cases = {
      {{"compare", one, two, "--published", "nosuch", "--as", both}, "no review 'nosuch'"},
      {{"compare", one, two, "--published", "signal65-2026", "--as", "Mac=" + one},
       "'Mac' is not a machine of signal65-2026 (its machines: DGX Spark, Strix Halo"},
      {{"compare", one, two, "--published", "signal65-2026", "--as", "DGX Spark=" + one},
       "report-2.json: not in --as"},
      {{"compare", one, "--published", "signal65-2026", "--as", both},
       "report-2.json is not one of the files to compare"},
      {{"compare", one, two, "--published", "signal65-2026", "--as", "DGX Spark"},
       "'DGX Spark' is not MACHINE=FILE"},
      {{"compare", one, two, "--published", "signal65-2026"}, "--as"},
      {{"compare", one, two, "--as", both}, "--published"},
      {{"compare", one, two, "--published", "signal65-2026", "--as", both, "--format", "html"},
       "--format html is not offered"},
  };
  for (const auto& bad : cases) expect_one_line_error(bad);
  // The two fixtures share no test with the review: every published result
  // is named as not measured.
  const auto fine = run_command(
      {COREBENCH_BIN, "compare", one, two, "--published", "signal65-2026", "--as", both});
  EXPECT_EQ(fine.exit_code, 0) << fine.err;
  EXPECT_NE(fine.out.find("agrees on 0 of 0 tests"), std::string::npos) << fine.out;
  EXPECT_NE(fine.out.find("not measured: LULESH"), std::string::npos) << fine.out;
}

}  // namespace
}  // namespace corebench
