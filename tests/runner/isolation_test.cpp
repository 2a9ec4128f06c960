// End to end: a suite of misbehaving test workloads run by the real runner,
// in child processes, with the results file checked afterwards.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>

#include "runner/machine/placement.h"
#include "runner/results/result.h"
#include "support/misbehaving_workloads.h"
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
  EXPECT_EQ(result.exit_code, 1) << result.err;  // some tests did not end ok
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
  testing::BackgroundCommand corebench({COREBENCH_TESTBIN, "run", "steady", "hang", "steady",
                                        "--timeout", "60", "--runs", "3", "--output",
                                        output_.string(), "--reference", ""});
  // Wait until the first test is saved and the hang is under way.
  testing::wait_until([&] { return testing::saved_tests(output_) == 2; }, 10);
  corebench.signal(SIGINT);
  EXPECT_EQ(corebench.wait(), 130);
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 2u);
  EXPECT_EQ(file.tests[0].status, Status::Ok);
  EXPECT_EQ(file.tests[1].status, Status::Interrupted);
}

// A child that writes without end costs the runner neither a hang nor its
// memory: the capture keeps the end, and the error says the rest was cut.
TEST_F(IsolationTest, FloodedOutputIsBoundedAndSaidToBeTruncated) {
  const auto result = run_command({COREBENCH_TESTBIN, "run", "flood", "steady", "--timeout", "60",
                                   "--runs", "1", "--output", output_.string(), "--reference", ""});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 2u);
  EXPECT_EQ(file.tests[0].status, Status::Failed);
  const std::string& error = file.tests[0].error;
  EXPECT_NE(error.find("signal 6"), std::string::npos) << error;
  // "(of N bytes; the last 65536 kept)": N counts both floods.
  const auto of = error.find("(of ");
  ASSERT_NE(of, std::string::npos) << error;
  EXPECT_GE(std::stoull(error.substr(of + 4)), 2 * testing::kFloodBytes) << error;
  EXPECT_NE(error.find("bytes; the last 65536 kept"), std::string::npos) << error;
  // The workload's own last line is kept even when an emulator adds one
  // after it, and a 64 KiB line is cut: the error stays one short line.
  EXPECT_NE(error.find("flood: the last line"), std::string::npos) << error;
  EXPECT_LT(error.size(), 1000u) << error;
  EXPECT_EQ(file.tests[1].status, Status::Ok);
  // The runner kept 64 KiB of the two 64 MiB floods; its peak memory is
  // below the 128 MiB it would take had it kept them, though sanitizers take
  // their share: under ASan the runner with its telemetry sampler thread
  // peaks near 102 MiB, natively near 10 MiB.
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  EXPECT_LT(usage.ru_maxrss, 120 * 1024) << "KiB at the peak";
}

// A grandchild that ignores SIGTERM, holds the child's pipes and outlives
// it neither hangs the runner nor survives the test.
TEST_F(IsolationTest, GrandchildIsKilledWithTheTestsGroup) {
  const auto result = run_command({COREBENCH_TESTBIN, "run", "orphan", "--timeout", "60", "--runs",
                                   "1", "--output", output_.string(), "--reference", ""});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 1u);
  EXPECT_EQ(file.tests[0].status, Status::Ok) << file.tests[0].error;
  ASSERT_FALSE(file.tests[0].runs.empty());
  const auto grandchild = static_cast<pid_t>(file.tests[0].runs.back().facts.at("grandchild_pid"));
  ASSERT_GT(grandchild, 0);
  EXPECT_TRUE(testing::wait_until([&] { return !testing::process_alive(grandchild); }, 5))
      << "grandchild " << grandchild << " still runs";
}

// A child that closes its message channel and lives on is a clear failure
// within the grace periods, not a hang until the timeout.
TEST_F(IsolationTest, ClosedChannelIsAFailureNotAHang) {
  const auto start = std::chrono::steady_clock::now();
  const auto result =
      run_command({COREBENCH_TESTBIN, "run", "close-channel", "steady", "--timeout", "300",
                   "--runs", "1", "--output", output_.string(), "--reference", ""});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_LT(seconds, 60) << "the runner waited for the timeout";
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 2u);
  EXPECT_EQ(file.tests[0].status, Status::Failed);
  EXPECT_NE(file.tests[0].error.find("closed its message channel"), std::string::npos)
      << file.tests[0].error;
  EXPECT_EQ(file.tests[1].status, Status::Ok);
}

}  // namespace
}  // namespace corebench
