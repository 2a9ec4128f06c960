// End to end: SIGTERM and SIGHUP stop corebench as Ctrl-C does, and a test
// being stopped gets SIGTERM before SIGKILL, so that the compile workload,
// which starts compiler processes, removes its temporary directory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <string>

#include "runner/results/result.h"
#include "support/run_command.h"

namespace corebench {
namespace {

namespace fs = std::filesystem;

// The compile workload's directories in `dir` (workloads/compile/temp_dir).
std::vector<fs::path> compile_dirs(const fs::path& dir) {
  std::vector<fs::path> found;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error))
    if (entry.path().filename().string().rfind("corebench-compile-", 0) == 0)
      found.push_back(entry.path());
  return found;
}

class SignalsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corebench-signals-" + std::to_string(getpid()));
    fs::create_directories(dir_ / "tmp");
    output_ = dir_ / "results.json";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // corebench's children make their temporary files here, not in /tmp,
  // where other tests' compile directories may come and go.
  std::vector<std::string> private_tmpdir() const { return {"TMPDIR=" + (dir_ / "tmp").string()}; }

  fs::path dir_;
  fs::path output_;
};

TEST_F(SignalsTest, SigtermAndSighupStopLikeCtrlC) {
  for (const int signal_number : {SIGTERM, SIGHUP}) {
    fs::remove(output_);
    testing::BackgroundCommand corebench({COREBENCH_TESTBIN, "run", "steady", "hang", "steady",
                                          "--timeout", "60", "--runs", "3", "--output",
                                          output_.string(), "--reference", ""});
    ASSERT_TRUE(testing::wait_until([&] { return testing::saved_tests(output_) == 2; }, 20))
        << strsignal(signal_number);
    corebench.signal(signal_number);
    EXPECT_EQ(corebench.wait(), 128 + signal_number) << strsignal(signal_number);
    const ResultFile file = read_result_file(output_);
    ASSERT_EQ(file.tests.size(), 2u) << strsignal(signal_number);
    EXPECT_EQ(file.tests[0].status, Status::Ok);
    EXPECT_EQ(file.tests[1].status, Status::Interrupted);
  }
}

TEST_F(SignalsTest, CompileCleansUpWhenCorebenchIsTerminated) {
  testing::BackgroundCommand corebench(
      {COREBENCH_BIN, "run", "compile:size=small", "--timeout", "600", "--runs", "5", "--output",
       output_.string(), "--reference", ""},
      private_tmpdir());
  // Once the project tree is generated, compilers run (setup's last build,
  // then the warm-up run's).
  ASSERT_TRUE(testing::wait_until(
      [&] {
        const auto dirs = compile_dirs(dir_ / "tmp");
        return !dirs.empty() && fs::exists(dirs.front() / "tree");
      },
      120));
  usleep(1000000);
  corebench.signal(SIGTERM);
  EXPECT_EQ(corebench.wait(), 128 + SIGTERM);
  EXPECT_TRUE(compile_dirs(dir_ / "tmp").empty()) << compile_dirs(dir_ / "tmp").front();
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 1u);
  EXPECT_EQ(file.tests[0].status, Status::Interrupted);
}

// The timeout stops a test as SIGTERM to corebench does: first SIGTERM.
TEST_F(SignalsTest, CompileCleansUpAfterATimeout) {
  const auto result =
      testing::run_command({COREBENCH_BIN, "run", "compile:size=small", "--timeout", "1", "--runs",
                            "1", "--output", output_.string(), "--reference", ""},
                           private_tmpdir());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const ResultFile file = read_result_file(output_);
  ASSERT_EQ(file.tests.size(), 1u);
  EXPECT_EQ(file.tests[0].status, Status::Timeout) << file.tests[0].error;
  EXPECT_TRUE(compile_dirs(dir_ / "tmp").empty()) << compile_dirs(dir_ / "tmp").front();
}

}  // namespace
}  // namespace corebench
