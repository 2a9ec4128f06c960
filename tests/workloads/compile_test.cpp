#include "workloads/compile/compile.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include "workloads/common/cpu_mask.h"
#include "workloads/compile/compile_workload.h"
#include "workloads/compile/job_scheduler.h"
#include "workloads/compile/process.h"
#include "workloads/compile/tree_generator.h"

namespace corebench {
namespace {

namespace fs = std::filesystem;
using compile::Job;
using compile::JobScheduler;

OptionValues options(std::map<std::string, std::string> given) {
  return OptionValues::resolve(make_compile_entry().info.options, given);
}

bool have_compiler() {
  return !compile::find_program("c++").empty();
}

std::string program(const char* name) {
  const std::string path = compile::find_program(name);
  if (path.empty()) throw std::runtime_error(std::string("test needs ") + name);
  return path;
}

// Temporary directories this process owns (others may come and go).
std::size_t count_own_temp_dirs() {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(fs::temp_directory_path())) {
    long owner = 0;
    std::ifstream(entry.path() / "owner.pid") >> owner;
    if (entry.path().filename().string().rfind("corebench-compile-", 0) == 0 && owner == ::getpid())
      ++n;
  }
  return n;
}

// A scratch directory for job logs.
class Logs : public ::testing::Test {
 protected:
  std::string log(const std::string& name) const { return (dir_.path() / name).string(); }
  compile::TempDir dir_{"corebench-scheduler-test"};
};

TEST(TreeGenerator, SameSeedSameTreeOtherSeedOtherTree) {
  const auto shape = compile::tree_shape("small");
  const auto a = compile::generate_tree(shape, 1);
  const auto b = compile::generate_tree(shape, 1);
  const auto c = compile::generate_tree(shape, 2);
  ASSERT_EQ(a.files.size(), b.files.size());
  for (std::size_t i = 0; i < a.files.size(); ++i) EXPECT_EQ(a.files[i].text, b.files[i].text);
  EXPECT_EQ(a.checksum, b.checksum);
  EXPECT_NE(a.checksum, c.checksum);
}

TEST(TreeGenerator, SizesGrowAndHaveLargeUnits) {
  const auto small = compile::generate_tree(compile::tree_shape("small"), 1);
  const auto medium = compile::generate_tree(compile::tree_shape("medium"), 1);
  EXPECT_LT(small.lines * 4, medium.lines);
  // A large unit is a multiple of the median one.
  std::vector<std::size_t> sizes;
  for (const auto& file : small.files)
    if (file.path.rfind("src/mod", 0) == 0) sizes.push_back(file.text.size());
  std::sort(sizes.begin(), sizes.end());
  EXPECT_GT(sizes.back(), 2 * sizes[sizes.size() / 2]);
  EXPECT_THROW(compile::tree_shape("huge"), std::invalid_argument);
}

TEST_F(Logs, SchedulerRunsEveryJobPinnedToOneCpuOfTheSet) {
  const std::vector<int> cpus = allowed_cpus();
  const JobScheduler scheduler(3, cpus);
  std::vector<Job> jobs;
  for (int i = 0; i < 6; ++i)
    jobs.push_back({"job" + std::to_string(i),
                    {program("grep"), "Cpus_allowed_list", "/proc/self/status"},
                    log("job" + std::to_string(i))});
  EXPECT_FALSE(scheduler.run(jobs).has_value());
  for (const auto& job : jobs) {
    const std::string text = compile::read_head(job.log_path, 200);
    const int cpu = std::stoi(text.substr(text.find(':') + 1));
    EXPECT_NE(std::find(cpus.begin(), cpus.end(), cpu), cpus.end()) << text;
    EXPECT_EQ(text.find_first_of(",-"), std::string::npos) << "not a single CPU: " << text;
  }
}

TEST_F(Logs, FailedJobStopsTheRestAndIsReported) {
  const JobScheduler scheduler(2, allowed_cpus());
  std::vector<Job> jobs = {{"slow", {program("sleep"), "20"}, log("slow")},
                           {"broken", {program("ls"), "/no/such/path"}, log("broken")}};
  for (int i = 0; i < 5; ++i) jobs.push_back({"later", {program("sleep"), "20"}, log("later")});
  const auto start = std::chrono::steady_clock::now();
  const auto failure = scheduler.run(jobs);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->label, "broken");
  EXPECT_EQ(failure->status, "exit status 2");
  EXPECT_NE(failure->summary().find("/no/such/path"), std::string::npos) << failure->summary();
}

TEST_F(Logs, SigtermKillsRunningJobsAndRestoresTheHandler) {
  const JobScheduler scheduler(2, allowed_cpus());
  const std::vector<Job> jobs = {{"a", {program("sleep"), "30"}, log("a")},
                                 {"b", {program("sleep"), "30"}, log("b")}};
  struct sigaction before {};
  ::sigaction(SIGTERM, nullptr, &before);
  std::thread signaller([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ::kill(::getpid(), SIGTERM);
  });
  const auto start = std::chrono::steady_clock::now();
  try {
    scheduler.run(jobs);
    ADD_FAILURE() << "no Interrupted";
  } catch (const compile::Interrupted& e) {
    EXPECT_EQ(e.signal_number, SIGTERM);
  }
  signaller.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  struct sigaction after {};
  ::sigaction(SIGTERM, nullptr, &after);
  EXPECT_EQ(after.sa_handler, before.sa_handler);
}

TEST(CompileOptions, UnknownCompilerIsAnOptionError) {
  compile::CompileWorkload workload;
  EXPECT_THROW(workload.setup(options({{"compiler", "no-such-compiler-x"}}), {1, 0, 0}),
               OptionError);
  EXPECT_THROW(options({{"size", "huge"}}), OptionError);
  EXPECT_THROW(options({{"jobs", "0"}}), OptionError);
}

TEST(CompileOptions, FlagsThatDoNotCompileFailSetupWithTheCompilersMessage) {
  if (!have_compiler()) GTEST_SKIP() << "no c++ compiler";
  const std::size_t dirs_before = count_own_temp_dirs();
  compile::CompileWorkload workload;
  try {
    workload.setup(options({{"compiler", "c++"}, {"flags", "-O2 -fno-such-flag"}}), {1, 0, 0});
    ADD_FAILURE() << "setup accepted a bad flag";
  } catch (const OptionError& e) {
    EXPECT_NE(std::string(e.what()).find("-fno-such-flag"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
  }
  EXPECT_EQ(count_own_temp_dirs(), dirs_before);
}

// The probe shape: one unit that uses every kind of step once.
class BuiltProbe : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_compiler()) GTEST_SKIP() << "no c++ compiler";
    workload_.setup(options({{"compiler", "c++"}, {"flags", "-O0"}, {"jobs", "2"}}), {2, 0, 0});
  }
  compile::CompileWorkload workload_{compile::tree_shape("probe")};
};

TEST_F(BuiltProbe, BuildsAndPrintsTheGeneratorsChecksumTwice) {
  for (int run = 0; run < 2; ++run) {
    workload_.prepare();
    EXPECT_FALSE(fs::exists(workload_.build().program()));
    workload_.run();
    const Verdict verdict = workload_.verify();
    EXPECT_TRUE(verdict.ok) << verdict.detail;
    EXPECT_EQ(verdict.facts.at("generator_version"), compile::kGeneratorVersion);
    EXPECT_NE(verdict.detail.find("c++"), std::string::npos) << verdict.detail;
  }
}

TEST_F(BuiltProbe, CompileErrorFailsTheRunWithTheMessage) {
  const auto& job = workload_.build().compile_jobs().front();
  std::ofstream(workload_.build().root() / job.label) << "int broken( {\n";
  workload_.prepare();
  try {
    workload_.run();
    ADD_FAILURE() << "the broken unit compiled";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(job.label), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("error"), std::string::npos) << e.what();
  }
}

TEST_F(BuiltProbe, WrongChecksumIsCaught) {
  workload_.prepare();
  workload_.run();
  const std::string program = workload_.build().program();
  fs::remove(program);
  std::ofstream(program) << "#!/bin/sh\necho checksum 0000000000000000\n";
  fs::permissions(program, fs::perms::owner_all);
  const Verdict verdict = workload_.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_NE(verdict.detail.find("0000000000000000"), std::string::npos) << verdict.detail;
}

TEST(CompileTempDir, RemovedWhenTheWorkloadGoes) {
  if (!have_compiler()) GTEST_SKIP() << "no c++ compiler";
  fs::path root;
  {
    compile::CompileWorkload workload(compile::tree_shape("probe"));
    workload.setup(options({{"compiler", "c++"}, {"flags", "-O0"}}), {1, 0, 0});
    root = workload.build().root();
    EXPECT_TRUE(fs::exists(root));
  }
  EXPECT_FALSE(fs::exists(root.parent_path()));
}

TEST(CompileTempDir, OrphanOfADeadOwnerIsRemoved) {
  const fs::path orphan = fs::temp_directory_path() / "corebench-compile-orphan";
  fs::create_directories(orphan);
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  std::ofstream(orphan / "owner.pid") << child << '\n';  // a pid that is gone
  { compile::TempDir fresh("corebench-compile"); }
  EXPECT_FALSE(fs::exists(orphan));
}

}  // namespace
}  // namespace corebench
