// `corebench resume`: what is left of a recorded plan, and end to end, a run
// killed or interrupted mid-test finished later with every test once.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "runner/machine/cpuset.h"
#include "runner/results/result.h"
#include "runner/results/unfinished.h"
#include "support/affinity_scope.h"
#include "support/run_command.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

using testing::run_command;

PlannedTestRecord planned(const std::string& name) {
  return {.name = name,
          .workload = name,
          .options = {},
          .cpus = "",
          .threads = "",
          .copies = "",
          .resolved_cpus = "0",
          .resolved_threads = 1};
}

TestResult ended_as(const std::string& name, Status status) {
  TestResult test;
  test.name = name;
  test.workload = name;
  test.unit = "ops/s";
  test.status = status;
  return test;
}

SessionRecord session_of(const std::vector<std::string>& names) {
  SessionRecord session{.started = "2026-12-02T04:00:00Z",
                        .profile = "generic",
                        .placement = "",
                        .runs = std::nullopt,
                        .budget = 120,
                        .warmup = true,
                        .timeout = 600,
                        .tests = {}};
  for (const auto& name : names) session.tests.push_back(planned(name));
  return session;
}

std::vector<std::string> names(const std::vector<PlannedTestRecord>& tests) {
  std::vector<std::string> out;
  for (const auto& test : tests) out.push_back(test.name);
  return out;
}

TEST(Unfinished, TestsNotStartedRunningOrInterruptedAreLeft) {
  ResultFile file;
  file.sessions = {session_of({"a", "b", "c", "d", "e"})};
  file.tests = {ended_as("a", Status::Ok), ended_as("b", Status::Failed),
                ended_as("c", Status::Interrupted), ended_as("d", Status::Running)};
  const auto left = unfinished_sessions(file);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].session, 0u);
  // A failed test has ended: resume is for what did not finish, not a retry.
  EXPECT_EQ(names(left[0].tests), (std::vector<std::string>{"c", "d", "e"}));
  const ResultFile kept = without_unended_tests(file);
  ASSERT_EQ(kept.tests.size(), 2u);
  EXPECT_EQ(kept.tests[1].name, "b");
}

TEST(Unfinished, EachResultAnswersOnePlannedTestOfItsName) {
  ResultFile file;
  file.sessions = {session_of({"a", "a", "a"}), session_of({"b", "a"})};
  file.tests = {ended_as("a", Status::Ok), ended_as("a", Status::Ok), ended_as("b", Status::Ok)};
  const auto left = unfinished_sessions(file);
  ASSERT_EQ(left.size(), 2u);
  EXPECT_EQ(left[0].session, 0u);
  EXPECT_EQ(names(left[0].tests), (std::vector<std::string>{"a"}));
  EXPECT_EQ(left[1].session, 1u);  // with its own session's settings
  EXPECT_EQ(names(left[1].tests), (std::vector<std::string>{"a"}));
}

TEST(Unfinished, AFinishedFileHasNothingLeft) {
  ResultFile file;
  file.sessions = {session_of({"a", "b"})};
  file.tests = {ended_as("b", Status::Timeout), ended_as("a", Status::WrongAnswer)};
  EXPECT_TRUE(unfinished_sessions(file).empty());
}

TEST(Unfinished, SessionsSurviveTheResultFile) {
  ResultFile file;
  file.sessions = {session_of({"a"}), session_of({"b"})};
  file.sessions[1].runs = 5;
  file.sessions[1].placement = "spread";
  file.sessions[1].tests[0].options = {{"size", "1MiB"}};
  file.sessions[1].tests[0].cpus = "all";
  file.tests = {ended_as("a", Status::Running)};
  const ResultFile back = result_file_from_json(to_json(file));
  ASSERT_EQ(back.sessions.size(), 2u);
  EXPECT_FALSE(back.sessions[0].runs.has_value());
  EXPECT_EQ(back.sessions[1].runs, 5);
  EXPECT_EQ(back.sessions[1].placement, "spread");
  EXPECT_EQ(back.sessions[1].tests[0].options.at("size"), "1MiB");
  EXPECT_EQ(back.sessions[1].tests[0].cpus, "all");
  EXPECT_EQ(back.tests[0].status, Status::Running);
}

class ResumeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    output_ = std::filesystem::temp_directory_path() /
              ("corebench-resume-" + std::to_string(getpid()) + ".json");
  }
  void TearDown() override { std::filesystem::remove(output_); }

  testing::CommandResult resume() const {
    return run_command({COREBENCH_TESTBIN, "resume", output_.string(), "--reference", ""});
  }

  std::filesystem::path output_;
};

// The three tests of a session, in order, each with its settings' runs.
void expect_every_test_once(const ResultFile& file, std::size_t runs) {
  ASSERT_EQ(file.tests.size(), 3u);
  ASSERT_EQ(file.sessions.size(), 1u);  // resume adds no plan of its own
  for (const auto& test : file.tests) {
    EXPECT_EQ(test.status, Status::Ok) << test.name << ": " << test.error;
    EXPECT_EQ(test.samples().size(), runs) << test.name;
  }
  EXPECT_EQ(file.tests[0].name, "steady");
  EXPECT_EQ(file.tests[1].name, "report-cpus");
  EXPECT_EQ(file.tests[2].name, "steady");
}

// kill -9 in the middle of the second test: the file says that test was
// running; resume runs it and the third, and keeps the first as it was.
TEST_F(ResumeTest, AKilledRunEndsWithEveryTestOnce) {
  {
    testing::BackgroundCommand corebench({COREBENCH_TESTBIN, "run", "steady", "report-cpus",
                                          "steady", "--runs", "40", "--timeout", "60", "--output",
                                          output_.string(), "--reference", ""});
    ASSERT_TRUE(testing::wait_until(
        [&] {
          try {
            const ResultFile file = read_result_file(output_);
            return file.tests.size() == 2 && file.tests[1].samples().size() >= 2;
          } catch (const std::exception&) {
            return false;
          }
        },
        120));
    corebench.signal(SIGKILL);
    EXPECT_EQ(corebench.wait(), 128 + SIGKILL);
  }
  const ResultFile killed = read_result_file(output_);
  ASSERT_EQ(killed.tests.size(), 2u);
  EXPECT_EQ(killed.tests[0].status, Status::Ok);
  EXPECT_EQ(killed.tests[1].status, Status::Running);
  ASSERT_EQ(killed.sessions.size(), 1u);
  EXPECT_EQ(killed.sessions[0].tests.size(), 3u);
  EXPECT_EQ(killed.sessions[0].runs, 40);

  const auto resumed = resume();
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("2 planned tests have not ended"), std::string::npos) << resumed.err;
  const ResultFile file = read_result_file(output_);
  expect_every_test_once(file, 40);
  EXPECT_EQ(file.tests[0].samples(), killed.tests[0].samples());  // the first is kept

  const auto again = resume();
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("nothing to resume"), std::string::npos) << again.out;
  EXPECT_EQ(read_result_file(output_).tests.size(), 3u);
}

// Ctrl-C: the interrupted test's partial runs are replaced, not added to.
TEST_F(ResumeTest, AnInterruptedRunEndsWithEveryTestOnce) {
  {
    testing::BackgroundCommand corebench({COREBENCH_TESTBIN, "run", "steady", "report-cpus",
                                          "steady", "--runs", "30", "--timeout", "60", "--output",
                                          output_.string(), "--reference", ""});
    ASSERT_TRUE(testing::wait_until([&] { return testing::saved_tests(output_) == 2; }, 120));
    corebench.signal(SIGINT);
    EXPECT_EQ(corebench.wait(), 130);
  }
  ASSERT_EQ(read_result_file(output_).tests.back().status, Status::Interrupted);
  const auto resumed = resume();
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  expect_every_test_once(read_result_file(output_), 30);
}

// A finished one-test file given a second planned test by hand: what resume
// would run, without waiting for a kill.
void plan_one_more(const std::filesystem::path& file) {
  nlohmann::json j;
  std::ifstream(file) >> j;
  auto& tests = j["sessions"][0]["tests"];
  tests.push_back(tests[0]);
  std::ofstream(file) << j.dump();
}

TEST_F(ResumeTest, RefusesWhereTheTestWouldRunOnOtherCpus) {
  const auto cpus = allowed_cpus();
  if (cpus.size() < 2) GTEST_SKIP() << "needs two CPUs this process may use";
  const auto done = run_command({COREBENCH_TESTBIN, "run", "steady", "--cpus", "all", "--runs", "1",
                                 "--output", output_.string(), "--reference", ""});
  ASSERT_EQ(done.exit_code, 0) << done.err;
  plan_one_more(output_);
  {
    const testing::AffinityScope narrower({cpus.front()});
    const auto refused = resume();
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("was planned on CPUs " + CpuSet(cpus).to_string()),
              std::string::npos)
        << refused.err;
  }
  EXPECT_EQ(read_result_file(output_).tests.size(), 1u);
  const auto resumed = resume();
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 2u);
  EXPECT_EQ(file.tests[1].cpus, CpuSet(cpus).to_string());
}

TEST_F(ResumeTest, RefusesAnotherMachinesFile) {
  const auto done = run_command({COREBENCH_TESTBIN, "run", "steady", "--runs", "1", "--output",
                                 output_.string(), "--reference", ""});
  ASSERT_EQ(done.exit_code, 0) << done.err;
  plan_one_more(output_);
  nlohmann::json j;
  std::ifstream(output_) >> j;
  j["system"]["cpu_model"] = "Another CPU";
  std::ofstream(output_) << j.dump();
  const auto refused = resume();
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("from another machine or build"), std::string::npos) << refused.err;
  EXPECT_EQ(read_result_file(output_).tests.size(), 1u);
}

TEST_F(ResumeTest, AFileWithoutAPlanIsAOneLineError) {
  ResultFile old;
  old.schema_version = 2;
  old.tests = {ended_as("steady", Status::Interrupted)};
  write_result_file(output_, old);
  const auto refused = resume();
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find(output_.string() + ": the file has no record of its planned tests"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
}

}  // namespace
}  // namespace corebench
