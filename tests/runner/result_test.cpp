#include "runner/results/result.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "runner/common/error.h"

namespace corebench {
namespace {

class ResultFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("corebench-result-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static ResultFile sample(int tests) {
    ResultFile f;
    f.corebench_version = "1.2.3";
    f.label = "box";
    f.created = "2026-11-21T00:00:00Z";
    f.system.cpu_model = "Test CPU";
    f.system.logical_cpus = 2;
    for (int i = 0; i < tests; ++i) {
      TestResult t;
      t.name = "ramspeed:op=copy #" + std::to_string(i);
      t.workload = "ramspeed";
      t.options = {{"op", "copy"}, {"size", "64MiB"}};
      t.cpus_spec = "all";
      t.cpus = "0-1";
      t.threads = 2;
      t.unit = "MB/s";
      t.direction = Direction::HigherIsBetter;
      t.runs = {{true, 0.5, 900, true, "ok", {{"passes", 8}}},
                {false, 0.4, 1000, true, "ok", {}},
                {false, 0.4, 1100, true, "ok", {}}};
      t.summary = summarize(t.samples());
      f.tests.push_back(t);
    }
    return f;
  }

  std::filesystem::path dir_;
};

TEST_F(ResultFileTest, RoundTripKeepsEverySample) {
  const auto path = dir_ / "r.json";
  write_result_file(path, sample(2));
  const ResultFile back = read_result_file(path);
  EXPECT_EQ(back.schema_version, kResultSchemaVersion);
  EXPECT_EQ(back.label, "box");
  EXPECT_EQ(back.system.cpu_model, "Test CPU");
  ASSERT_EQ(back.tests.size(), 2u);
  const TestResult& t = back.tests[1];
  EXPECT_EQ(t.options.at("size"), "64MiB");
  ASSERT_EQ(t.runs.size(), 3u);
  EXPECT_TRUE(t.runs[0].warmup);
  EXPECT_EQ(t.runs[0].facts.at("passes"), 8);
  EXPECT_EQ(t.samples(), (std::vector<double>{1000, 1100}));
  EXPECT_DOUBLE_EQ(t.summary.mean, 1050);
  EXPECT_EQ(t.direction, Direction::HigherIsBetter);
}

TEST_F(ResultFileTest, OtherSchemaVersionIsRefused) {
  auto json = to_json(sample(1));
  json["schema_version"] = kResultSchemaVersion + 1;
  std::ofstream(dir_ / "future.json") << json.dump();
  try {
    read_result_file(dir_ / "future.json");
    FAIL() << "a file of another schema version was read";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("schema version"), std::string::npos) << e.what();
  }
}

TEST_F(ResultFileTest, MissingCorruptAndForeignFilesAreOneLineErrors) {
  std::ofstream(dir_ / "corrupt.json") << "{\"schema_version\": 1, \"tests\": [";
  std::ofstream(dir_ / "foreign.json") << "{\"hello\": 1}";
  auto wrong_type = to_json(sample(1));
  wrong_type["tests"][0]["runs"][0]["value"] = "fast";
  std::ofstream(dir_ / "wrong-type.json") << wrong_type.dump();
  for (const char* name : {"missing.json", "corrupt.json", "foreign.json", "wrong-type.json"}) {
    try {
      read_result_file(dir_ / name);
      FAIL() << name << " was read";
    } catch (const Error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(name), std::string::npos) << message;
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    }
  }
}

// Found by fuzzing: a number beyond a double's range is the JSON parser's
// out_of_range, not a parse_error; it escaped read_result_file uncaught.
TEST(ResultFileFuzzRegression, NumberOutOfRangeIsAOneLineError) {
  const std::filesystem::path file =
      COREBENCH_TEST_DATA "/fuzz/regressions/result_file/number-overflow.json";
  try {
    read_result_file(file);
    FAIL() << "read";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), file.string() + ": not valid JSON (a number out of range)");
  }
}

// A writer killed at any moment leaves the previous complete file.
TEST_F(ResultFileTest, KilledWriterLeavesAReadableFile) {
  const auto path = dir_ / "atomic.json";
  const ResultFile small = sample(1), large = sample(400);
  write_result_file(path, small);
  for (int round = 0; round < 20; ++round) {
    const pid_t pid = fork();
    if (pid == 0) {
      for (int i = 0;; ++i) write_result_file(path, i % 2 ? small : large);
    }
    usleep(1000 + 1500 * round);
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    const ResultFile back = read_result_file(path);
    EXPECT_TRUE(back.tests.size() == 1 || back.tests.size() == 400) << back.tests.size();
  }
}

TEST_F(ResultFileTest, UnwritableDirectoryIsAnError) {
  EXPECT_THROW(write_result_file("/proc/corebench/r.json", sample(1)), Error);
}

}  // namespace
}  // namespace corebench
