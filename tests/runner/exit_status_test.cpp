// End to end: the exit status a script or CI reads, through the real
// binary: 0 every test ok, 1 a test failed, timed out or answered wrongly
// (with the result file complete), 2 usage and input errors before anything
// ran. 130 (Ctrl-C) and the other signals: isolation_test, signals_test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "runner/results/result.h"
#include "support/run_command.h"

namespace corebench {
namespace {

namespace fs = std::filesystem;

class ExitStatusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corebench-exit-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `verb` with `args` into a fresh result file; its exit status.
  int run(const std::string& verb, std::vector<std::string> args) {
    fs::remove(output());
    std::vector<std::string> argv = {COREBENCH_TESTBIN, verb};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--runs", "1", "--timeout", "2", "--output", output().string()});
    if (verb == "run") argv.insert(argv.end(), {"--reference", ""});
    last_ = testing::run_command(argv);
    return last_.exit_code;
  }
  fs::path output() const { return dir_ / "results.json"; }

  fs::path dir_;
  testing::CommandResult last_;
};

TEST_F(ExitStatusTest, ZeroWhenEveryTestEndedOk) {
  EXPECT_EQ(run("run", {"steady", "steady"}), 0) << last_.err;
  EXPECT_EQ(run("sweep", {"steady", "--sets", "0", "--threads", "1"}), 0) << last_.err;
}

TEST_F(ExitStatusTest, OneWhenATestDidNotEndOkAndTheFileIsComplete) {
  const std::vector<std::pair<std::string, Status>> cases = {
      {"crash", Status::Failed}, {"hang", Status::Timeout}, {"wrong", Status::WrongAnswer}};
  for (const auto& [workload, status] : cases) {
    EXPECT_EQ(run("run", {"steady", workload}), 1) << workload << ": " << last_.err;
    const ResultFile file = read_result_file(output());
    ASSERT_EQ(file.tests.size(), 2u) << workload;
    EXPECT_EQ(file.tests[0].status, Status::Ok) << workload;
    EXPECT_EQ(file.tests[1].status, status) << workload;
  }
  EXPECT_EQ(run("sweep", {"crash", "--sets", "0", "--threads", "1"}), 1) << last_.err;
  EXPECT_EQ(read_result_file(output()).tests.at(0).status, Status::Failed);
}

TEST_F(ExitStatusTest, TwoForUsageAndInputErrorsBeforeAnythingRan) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--bogus"}, {"nosuch"}, {"steady:colour=blue"}, {"steady", "--cpus", "0-"}}) {
    EXPECT_EQ(run("run", args), 2) << args[0] << ": " << last_.err;
    EXPECT_FALSE(fs::exists(output())) << args[0];
  }
  EXPECT_EQ(
      testing::run_command({COREBENCH_TESTBIN, "compare", (dir_ / "none.json").string()}).exit_code,
      2);
}

TEST_F(ExitStatusTest, HelpSaysTheExitStatuses) {
  for (const char* verb : {"run", "sweep"}) {
    const auto help = testing::run_command({COREBENCH_BIN, verb, "--help"});
    EXPECT_EQ(help.exit_code, 0);
    for (const char* part : {"Exit status", "0 every test ended ok", "1 a test ended failed",
                             "2 a usage or input error", "130 interrupted by Ctrl-C"})
      EXPECT_NE(help.out.find(part), std::string::npos) << verb << ": " << part;
  }
}

}  // namespace
}  // namespace corebench
