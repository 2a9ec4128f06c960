// End to end: a suite of misbehaving test workloads run by the real runner,
// in child processes, with the results file checked afterwards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "runner/machine/placement.h"
#include "runner/results/result.h"
#include "support/run_command.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

using testing::run_command;

class IsolationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    output_ = std::filesystem::temp_directory_path() /
              ("corebench-isolation-" + std::to_string(getpid()) + ".json");
  }
  void TearDown() override { std::filesystem::remove(output_); }
  std::filesystem::path output_;
};

TEST_F(IsolationTest, EachFailureIsRecordedAndTheSuiteGoesOn) {
  const auto result = run_command({COREBENCH_TESTBIN, "run", "steady", "hang", "crash", "wrong",
                                   "broken-setup", "steady", "--timeout", "2", "--runs", "3",
                                   "--output", output_.string(), "--reference", ""});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 6u) << result.err;
  EXPECT_EQ(file.tests[0].status, Status::Ok);
  EXPECT_EQ(file.tests[0].samples().size(), 3u);
  EXPECT_EQ(file.tests[1].status, Status::Timeout);
  EXPECT_NE(file.tests[1].error.find("longer than 2 s"), std::string::npos) << file.tests[1].error;
  EXPECT_EQ(file.tests[2].status, Status::Failed);
  EXPECT_NE(file.tests[2].error.find("signal 6"), std::string::npos) << file.tests[2].error;
  EXPECT_EQ(file.tests[3].status, Status::WrongAnswer);
  EXPECT_NE(file.tests[3].error.find("expected 42"), std::string::npos) << file.tests[3].error;
  EXPECT_TRUE(file.tests[3].samples().empty());
  EXPECT_EQ(file.tests[4].status, Status::Failed);
  EXPECT_NE(file.tests[4].error.find("input generator failed"), std::string::npos);
  EXPECT_EQ(file.tests[5].status, Status::Ok);
  EXPECT_EQ(file.tests[5].samples().size(), 3u);
}

// A workload that starts processes (compile) learns the test's CPUs from the
// runner: its own thread is already bound to the first of them.
TEST_F(IsolationTest, WorkloadIsToldAllOfItsCpus) {
  const CpuSet allowed = CpuSet(allowed_cpus());
  if (allowed.size() < 2) GTEST_SKIP() << "needs two CPUs this process may use";
  const int a = allowed.ids()[0], b = allowed.ids()[1];
  const auto result = run_command({COREBENCH_TESTBIN, "run", "report-cpus", "--cpus",
                                   std::to_string(a) + "," + std::to_string(b), "--threads", "2",
                                   "--runs", "1", "--output", output_.string(), "--reference", ""});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 1u);
  // A failed test has no runs (and `run` still exits 0 for it).
  ASSERT_EQ(file.tests[0].status, Status::Ok) << file.tests[0].error;
  const auto& facts = file.tests[0].runs.back().facts;
  EXPECT_EQ(facts.size(), 2u);
  EXPECT_EQ(CpuSet({static_cast<int>(facts.at("cpu_0")), static_cast<int>(facts.at("cpu_1"))}),
            CpuSet({a, b}));
}

TEST_F(IsolationTest, InterruptKeepsFinishedTestsAndSaysWhere) {
  const auto command = testing::with_emulator({COREBENCH_TESTBIN, "run", "steady", "hang", "steady",
                                               "--timeout", "60", "--runs", "3", "--output",
                                               output_.string(), "--reference", ""});
  std::vector<char*> args;
  for (const auto& arg : command) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    // Quiet the child's output: the test only looks at the saved file.
    freopen("/dev/null", "w", stderr);
    freopen("/dev/null", "w", stdout);
    execv(args[0], args.data());
    _exit(127);
  }
  // Wait until the first test is saved and the hang is under way.
  for (int i = 0; i < 200; ++i) {
    usleep(50000);
    try {
      const ResultFile f = read_result_file(output_);
      if (f.tests.size() == 2) break;
    } catch (const std::exception&) {
    }
  }
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 2u);
  EXPECT_EQ(file.tests[0].status, Status::Ok);
  EXPECT_EQ(file.tests[1].status, Status::Interrupted);
}

}  // namespace
}  // namespace corebench
