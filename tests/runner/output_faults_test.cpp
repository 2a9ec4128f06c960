// End to end: result files under faults. An output directory that is
// missing, read-only or full is a one-line error naming the path; a file
// already written stays complete (never a partial file); an existing file
// is refused unless --append says to add to it, from the same machine.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "runner/results/result.h"
#include "support/run_command.h"

namespace corebench {
namespace {

namespace fs = std::filesystem;

std::string contents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One line, "corebench: error: ...", that contains `part`, after at most
// the pre-flight check's warnings (this may be a busy machine or a VM).
void expect_one_line_error(const testing::CommandResult& result, const std::string& part) {
  std::string error = result.err;
  const std::string warning = "corebench: warning: ";
  while (error.rfind(warning, 0) == 0) error.erase(0, error.find('\n') + 1);
  EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1) << result.err;
  EXPECT_EQ(error.rfind("corebench: error: ", 0), 0u) << result.err;
  EXPECT_NE(error.find(part), std::string::npos) << result.err;
}

class OutputFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corebench-faults-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (mounted_) ::umount2(mounted_->c_str(), MNT_DETACH);
    fs::remove_all(dir_);
  }

  testing::CommandResult run(const fs::path& output, std::vector<std::string> extra = {},
                             const char* workload = "steady") {
    std::vector<std::string> argv = {COREBENCH_TESTBIN, "run",         workload,
                                     "--runs",          "2",           "--output",
                                     output.string(),   "--reference", ""};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return testing::run_command(argv);
  }

  // A tmpfs of `size` (mount's size= syntax) at dir_/name, with `options`
  // added; nullopt (and why in `why_not`) where this process may not mount.
  std::optional<fs::path> mount_tmpfs(const std::string& name, const std::string& size,
                                      unsigned long flags = 0) {
    const fs::path point = dir_ / name;
    fs::create_directories(point);
    const std::string data = "size=" + size + ",mode=0755";
    if (::mount("tmpfs", point.c_str(), "tmpfs", flags, data.c_str()) != 0) {
      why_not_ = std::string("cannot mount a tmpfs: ") + std::strerror(errno);
      return std::nullopt;
    }
    mounted_ = point;
    return point;
  }

  fs::path dir_;
  std::optional<fs::path> mounted_;
  std::string why_not_;
};

TEST_F(OutputFaultsTest, ExistingFileIsRefusedBeforeAnythingRuns) {
  const fs::path output = dir_ / "r.json";
  ASSERT_EQ(run(output).exit_code, 0);
  const std::string before = contents(output);
  const auto again = run(output, {}, "crash");
  EXPECT_EQ(again.exit_code, 2);
  expect_one_line_error(again, output.string() + ": the result file exists");
  EXPECT_EQ(contents(output), before);
}

TEST_F(OutputFaultsTest, AppendAddsTheTestsOfTheSameMachine) {
  const fs::path output = dir_ / "r.json";
  ASSERT_EQ(run(output).exit_code, 0);
  const auto appended = run(output, {"--append"}, "wrong");
  EXPECT_EQ(appended.exit_code, 1) << appended.err;  // the appended test's status counts
  const ResultFile file = read_result_file(output);
  ASSERT_EQ(file.tests.size(), 2u);
  EXPECT_EQ(file.tests[0].name, "steady");
  EXPECT_EQ(file.tests[0].status, Status::Ok);
  EXPECT_EQ(file.tests[1].name, "wrong");
  EXPECT_EQ(file.tests[1].status, Status::WrongAnswer);
  // --append to a file that is not there yet starts it.
  EXPECT_EQ(run(dir_ / "new.json", {"--append"}).exit_code, 0);
  EXPECT_EQ(read_result_file(dir_ / "new.json").tests.size(), 1u);
}

TEST_F(OutputFaultsTest, AppendToAnotherMachinesFileIsRefused) {
  const fs::path output = dir_ / "r.json";
  ASSERT_EQ(run(output).exit_code, 0);
  nlohmann::json json = nlohmann::json::parse(contents(output));
  json["system"]["cpu_model"] = "Some Other CPU";
  std::ofstream(output) << json.dump(2);
  const std::string before = contents(output);
  const auto appended = run(output, {"--append"});
  EXPECT_EQ(appended.exit_code, 2);
  expect_one_line_error(appended, "cpu_model is \"Some Other CPU\" in the file");
  EXPECT_EQ(contents(output), before);
}

TEST_F(OutputFaultsTest, AppendNeedsOutputAndAResultFile) {
  const auto no_output =
      testing::run_command({COREBENCH_TESTBIN, "run", "steady", "--append", "--reference", ""});
  EXPECT_EQ(no_output.exit_code, 2);
  expect_one_line_error(no_output, "--output");
  std::ofstream(dir_ / "notes.json") << "{ not a result";
  const auto corrupt = run(dir_ / "notes.json", {"--append"});
  EXPECT_EQ(corrupt.exit_code, 2);
  expect_one_line_error(corrupt, (dir_ / "notes.json").string() + ": not valid JSON");
}

TEST_F(OutputFaultsTest, MissingDirectoryIsAnErrorNamingThePath) {
  const fs::path output = dir_ / "no-such-dir" / "r.json";
  const auto result = run(output);
  EXPECT_EQ(result.exit_code, 2);
  expect_one_line_error(result, output.string() + "': No such file or directory");
  EXPECT_FALSE(fs::exists(output.parent_path()));
}

TEST_F(OutputFaultsTest, ReadOnlyDirectoryIsAnErrorNamingThePath) {
  fs::path dir = dir_ / "read-only";
  if (::geteuid() == 0) {
    // Root writes through permission bits; a read-only mount stops it.
    const auto point = mount_tmpfs("read-only", "64k", MS_RDONLY);
    if (!point) GTEST_SKIP() << "root, and " << why_not_;
  } else {
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  }
  const fs::path output = dir / "r.json";
  const auto result = run(output);
  EXPECT_EQ(result.exit_code, 2);
  expect_one_line_error(result, output.string() + "': ");
  EXPECT_FALSE(fs::exists(output));
  if (::geteuid() != 0) fs::permissions(dir, fs::perms::owner_all);
}

// A directory that fills up: a small tmpfs filled by a file, or where no
// tmpfs can be mounted, one the ENOSPC shim (support/enospc_shim.cpp) makes
// every write below fail in once told to. Both are tried where they can be.
enum class FullDevice { Tmpfs, Shim };

class FullDeviceTest : public OutputFaultsTest, public ::testing::WithParamInterface<FullDevice> {
 protected:
  // The directory, or nullopt with the reason in why_not_.
  std::optional<fs::path> device() {
    if (GetParam() == FullDevice::Tmpfs) return mount_tmpfs("small", "128k");
    if (!testing::with_emulator({}).empty()) {
      why_not_ = "the shim cannot be preloaded into an emulated binary";
      return std::nullopt;
    }
    const fs::path dir = fs::canonical(dir_) / "shim";
    fs::create_directories(dir);
    return dir;
  }

  std::vector<std::string> environment(const fs::path& dir) const {
    if (GetParam() == FullDevice::Tmpfs) return {};
    // A sanitizer runtime must come first unless told not to check.
    const char* asan = std::getenv("ASAN_OPTIONS");
    return {std::string("LD_PRELOAD=") + COREBENCH_ENOSPC_SHIM,
            "COREBENCH_ENOSPC_DIR=" + dir.string(),
            std::string("ASAN_OPTIONS=") + (asan ? std::string(asan) + ":" : "") +
                "verify_asan_link_order=0"};
  }

  void fill(const fs::path& dir) const {
    if (GetParam() == FullDevice::Shim) {
      std::ofstream(dir / ".full") << "full\n";
      return;
    }
    std::ofstream filler(dir / "filler", std::ios::binary);
    const std::string block(4096, 'f');
    for (int i = 0; i < 64 && filler; ++i) filler.write(block.data(), block.size()).flush();
  }

  testing::CommandResult run_in(const fs::path& dir, std::vector<std::string> extra) {
    std::vector<std::string> argv = {
        COREBENCH_TESTBIN,         "run",         "steady", "--runs", "2", "--output",
        (dir / "r.json").string(), "--reference", ""};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return testing::run_command(argv, environment(dir));
  }

  // Temporary files of the result file's atomic writes left in `dir`.
  static int temporary_files(const fs::path& dir) {
    return static_cast<int>(std::count_if(
        fs::directory_iterator(dir), fs::directory_iterator(), [](const fs::directory_entry& e) {
          return e.path().filename().string().rfind(".r.json.", 0) == 0;
        }));
  }
};

// The file already written (by a run before) stays whole when the next
// write cannot be made, and no partial file is left.
TEST_P(FullDeviceTest, KeepsTheFileAlreadyWritten) {
  const auto dir = device();
  if (!dir) GTEST_SKIP() << why_not_;
  const fs::path output = *dir / "r.json";
  ASSERT_EQ(run_in(*dir, {}).exit_code, 0);
  const std::string before = contents(output);
  fill(*dir);
  const auto result = run_in(*dir, {"--append"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  expect_one_line_error(result, output.string() + "': No space left on device");
  EXPECT_EQ(contents(output), before);
  EXPECT_EQ(read_result_file(output).tests.size(), 1u);
  EXPECT_EQ(temporary_files(*dir), 0);
}

// The device fills while tests run: corebench stops with status 1 (tests
// had started) and the file it had written last is whole.
TEST_P(FullDeviceTest, FillingMidRunStopsWithTheFileWhole) {
  const auto dir = device();
  if (!dir) GTEST_SKIP() << why_not_;
  const fs::path output = *dir / "r.json";
  testing::BackgroundCommand corebench(
      {COREBENCH_TESTBIN, "run", "steady", "steady", "steady", "steady", "--runs", "40", "--output",
       output.string(), "--reference", ""},
      environment(*dir));
  ASSERT_TRUE(testing::wait_until([&] { return testing::saved_tests(output) >= 1; }, 30));
  fill(*dir);
  EXPECT_EQ(corebench.wait(), 1);
  const ResultFile file = read_result_file(output);
  EXPECT_GE(file.tests.size(), 1u);
  EXPECT_LT(file.tests.size(), 4u) << "the device was not full in time";
  EXPECT_EQ(temporary_files(*dir), 0);
}

INSTANTIATE_TEST_SUITE_P(Faults, FullDeviceTest,
                         ::testing::Values(FullDevice::Tmpfs, FullDevice::Shim),
                         [](const auto& info) {
                           return info.param == FullDevice::Tmpfs ? "Tmpfs" : "Shim";
                         });

}  // namespace
}  // namespace corebench
