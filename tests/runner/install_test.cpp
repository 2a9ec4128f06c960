// corebench installed: `cmake --install` into a prefix, run from a
// directory outside the source tree with the user's directories of its
// own; the bash completion script sourced in bash; the manual page.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/run_command.h"

namespace corebench {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::run_exact;
using testing::with_emulator;

class Installed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("corebench-install-" + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "elsewhere");
    fs::create_directories(root_ / "home");
    install_ = run_exact({COREBENCH_CMAKE, "--install", COREBENCH_BUILD_DIR, "--prefix",
                          (root_ / "prefix").string()});
  }
  static void TearDownTestSuite() { fs::remove_all(root_); }

  // The installed binary, in `elsewhere`, with a home of its own and no
  // data directory named: what it finds, it finds from where it lies.
  static CommandResult corebench(const std::vector<std::string>& args) {
    std::vector<std::string> command = {"/bin/sh", "-c", "cd \"$0\" && exec \"$@\"",
                                        (root_ / "elsewhere").string()};
    std::vector<std::string> argv = {(root_ / "prefix" / "bin" / "corebench").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    for (const auto& word : with_emulator(argv)) command.push_back(word);
    return run_exact(command, {"HOME=" + (root_ / "home").string(),
                               "XDG_DATA_HOME=", "XDG_CONFIG_HOME=", "COREBENCH_DATA_DIR="});
  }
  static std::string prefix() { return (root_ / "prefix").string(); }
  static std::string home() { return (root_ / "home").string(); }

  static fs::path root_;
  static CommandResult install_;
};

fs::path Installed::root_;
CommandResult Installed::install_;

TEST_F(Installed, LaysOutTheBinaryDataManualAndCompletion) {
  ASSERT_EQ(install_.exit_code, 0) << install_.out << install_.err;
  for (const char* path :
       {"bin/corebench", "share/corebench/profiles/suites/quick.toml",
        "share/corebench/profiles/machines/generic.toml", "share/corebench/results/reference",
        "share/man/man1/corebench.1.gz", "share/bash-completion/completions/corebench",
        "share/doc/corebench/copyright"})
    EXPECT_TRUE(fs::exists(fs::path(prefix()) / path)) << path;
}

TEST_F(Installed, FindsItsSuitesProfilesAndReferenceBesideItself) {
  ASSERT_EQ(install_.exit_code, 0) << install_.err;
  const std::string data = prefix() + "/share/corebench/profiles";
  const CommandResult list = corebench({"list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find(data + "/suites"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("  quick  "), std::string::npos) << list.out;
  const CommandResult info = corebench({"info"});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find(data + "/machines/"), std::string::npos) << info.out;
  // A test of the reference's file, saved in the user's data directory.
  const CommandResult run =
      corebench({"run", "c-ray:rays=8,resolution=160x90", "--runs", "1", "--no-warmup"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("vs reference"), std::string::npos) << run.err;
  const fs::path results = fs::path(home()) / ".local/share/corebench/results";
  EXPECT_NE(run.err.find("results in " + results.string()), std::string::npos) << run.err;
  const CommandResult saved = corebench({"results"});
  ASSERT_EQ(saved.exit_code, 0) << saved.err;
  EXPECT_NE(saved.out.find("latest"), std::string::npos) << saved.out;
  EXPECT_NE(saved.out.find("1 ok"), std::string::npos) << saved.out;
  const CommandResult compared = corebench({"compare", "latest", "--format", "csv"});
  ASSERT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_NE(compared.out.find("c-ray:rays=8,resolution=160x90"), std::string::npos) << compared.out;
}

TEST_F(Installed, AUserSuiteIsFoundFirstAndListedAsTheirs) {
  ASSERT_EQ(install_.exit_code, 0) << install_.err;
  const fs::path suites = fs::path(home()) / ".config/corebench/suites";
  fs::create_directories(suites);
  std::ofstream(suites / "mine.toml")
      << "description = \"my own\"\n[[test]]\nworkload = \"sysbench\"\n"
         "options = { events = \"10\" }\n";
  const CommandResult list = corebench({"list"});
  fs::remove_all(fs::path(home()) / ".config");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("  mine (yours)  1 tests, "), std::string::npos) << list.out;
  EXPECT_NE(list.out.find(suites.string()), std::string::npos) << list.out;
}

// A binary with no share/corebench beside it (the build tree's) reads the
// data directory it is given.
TEST(DataDir, ABinaryWithoutDataBesideItReadsCorebenchDataDir) {
  const fs::path data = fs::temp_directory_path() / ("corebench-data-" + std::to_string(getpid()));
  fs::create_directories(data / "profiles" / "suites");
  std::ofstream(data / "profiles" / "suites" / "given.toml")
      << "description = \"from the data dir\"\n[[test]]\nworkload = \"sysbench\"\n";
  const CommandResult list = testing::run_command(
      {COREBENCH_BIN, "list"},
      {"COREBENCH_DATA_DIR=" + data.string(), "XDG_CONFIG_HOME=", "HOME=" + data.string()});
  fs::remove_all(data);
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("  given  1 tests, time unknown. from the data dir"), std::string::npos)
      << list.out;
  EXPECT_EQ(list.out.find("  quick  "), std::string::npos) << list.out;
}

// The completion script sourced into bash, asked as bash asks it: the
// line, the cursor, bash's own words (split at ':' and '=' too).
class Completion : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corebench-completion-" + std::to_string(getpid()));
    fs::create_directories(dir_ / "bin");
    // `corebench` on the PATH, through the emulator where there is one.
    std::string line = "exec";
    for (const auto& word : with_emulator({COREBENCH_BIN})) line += " '" + word + "'";
    std::ofstream(dir_ / "bin" / "corebench") << "#!/bin/sh\n" << line << " \"$@\"\n";
    fs::permissions(dir_ / "bin" / "corebench", fs::perms::owner_all);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The replies for `line` with the cursor at its end.
  std::vector<std::string> complete(const std::string& line) {
    const std::string script =
        "source '" + std::string(COREBENCH_TEST_DATA) +
        "/../packaging/bash-completion/corebench'\n"
        "COMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}\n"
        "COMP_WORDBREAKS=$' \\t\\n\"\\'><=;|&(:'\n"
        // bash's split: at spaces, with ':' and '=' words of their own.
        "words=$(printf '%s' \"$COMP_LINE\" | sed -e 's/\\([:=]\\)/ \\1 /g')\n"
        "read -ra COMP_WORDS <<<\"$words\"\n"
        "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
        "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
        "_corebench\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    const CommandResult result = run_exact({"/bin/bash", "-c", script, "bash", line},
                                           {"PATH=" + (dir_ / "bin").string() + ":/usr/bin:/bin"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<std::string> replies;
    std::istringstream lines(result.out);
    for (std::string reply; std::getline(lines, reply);)
      if (!reply.empty()) replies.push_back(reply);
    return replies;
  }
  fs::path dir_;
};

bool has(const std::vector<std::string>& replies, const std::string& reply) {
  return std::find(replies.begin(), replies.end(), reply) != replies.end();
}

TEST_F(Completion, VerbsWorkloadsOptionsAndCpuSets) {
  EXPECT_EQ(complete("corebench ru"), (std::vector<std::string>{"run"}));
  EXPECT_EQ(complete("corebench re"), (std::vector<std::string>{"resume", "relabel", "results"}));
  EXPECT_EQ(complete("corebench run ramsp"), (std::vector<std::string>{"ramspeed"}));
  const auto run = complete("corebench run ");
  EXPECT_TRUE(has(run, "quick") && has(run, "c-ray") && has(run, "lulesh"));
  EXPECT_EQ(complete("corebench run --cp"), (std::vector<std::string>{"--cpus"}));
  const auto cpus = complete("corebench run --cpus ");
  EXPECT_TRUE(has(cpus, "all") && has(cpus, "smt-primary")) << cpus.size();
  EXPECT_TRUE(has(complete("corebench run --profile "), "generic"));
  EXPECT_TRUE(has(run, "signal65-2026"));
  EXPECT_EQ(complete("corebench compare a.json --published sig"),
            (std::vector<std::string>{"signal65-2026"}));
  EXPECT_EQ(complete("corebench compare a.json --format ma"),
            (std::vector<std::string>{"markdown"}));
  // A spec goes on within one corebench word; bash replaces the piece after
  // its last break (":" or "="; "," is none).
  EXPECT_EQ(complete("corebench run ramspeed:o"), (std::vector<std::string>{"op="}));
  EXPECT_TRUE(has(complete("corebench run ramspeed:op="), "=copy"));
  EXPECT_TRUE(has(complete("corebench run ramspeed:op=copy,"), "copy,size="));
  EXPECT_FALSE(has(complete("corebench run ramspeed:op=copy,"), "copy,op="));
}

TEST(Manual, EveryVerbAndOptionIsInThePage) {
  const CommandResult page = testing::run_command({COREBENCH_BIN, "manual"});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  EXPECT_EQ(page.out.rfind(".TH COREBENCH 1", 0), 0u);
  for (const char* text :
       {".SS \"corebench run [targets] [options]\"", "\\fB\\-\\-cpus\\fR",
        ".SS \"corebench compare files [options]\"", "\\-\\-no\\-telemetry",
        ".SS \"corebench results [options]\"", ".SH EXIT STATUS", "XDG_DATA_HOME"})
    EXPECT_NE(page.out.find(text), std::string::npos) << text;
  EXPECT_EQ(page.out.find("corebench exec"), std::string::npos) << "internal verbs stay out";
  EXPECT_EQ(page.out.find("corebench complete"), std::string::npos);
}

}  // namespace
}  // namespace corebench
