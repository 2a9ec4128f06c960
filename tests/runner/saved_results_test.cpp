// Saved results (results/saved_results): ordered by when each file says it
// was made, `latest` and `latest~N` naming them; the user's directories
// (common/paths) from the XDG variables.
#include "runner/results/saved_results.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "runner/common/error.h"
#include "runner/common/paths.h"

namespace corebench {
namespace {

namespace fs = std::filesystem;

class SavedResults : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corebench-saved-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void save(const std::string& name, const std::string& created) {
    ResultFile file;
    file.label = name;
    file.created = created;
    write_result_file(dir_ / name, file);
  }
  fs::path dir_;
};

TEST_F(SavedResults, OrderedByTheirCreationTimeNotTheirNames) {
  save("b.json", "2026-12-01T10:00:00Z");
  save("a.json", "2026-12-02T09:00:00Z");
  save("c.json", "2026-11-30T08:00:00Z");
  std::ofstream(dir_ / "broken.json") << "{ not json";
  std::ofstream(dir_ / "notes.txt") << "not a result";
  const auto saved = saved_results(dir_);
  ASSERT_EQ(saved.size(), 4u);
  EXPECT_EQ(saved[0].path.filename(), "c.json");
  EXPECT_EQ(saved[2].path.filename(), "a.json");
  EXPECT_FALSE(saved[3].file);  // unreadable last, with why
  EXPECT_NE(saved[3].error.find("broken.json"), std::string::npos) << saved[3].error;
  EXPECT_EQ(resolve_latest("latest", dir_)->filename(), "a.json");
  EXPECT_EQ(resolve_latest("latest~0", dir_)->filename(), "a.json");
  EXPECT_EQ(resolve_latest("latest~2", dir_)->filename(), "c.json");
  EXPECT_FALSE(resolve_latest("a.json", dir_));
  EXPECT_FALSE(resolve_latest("latest.json", dir_));
  EXPECT_THROW(resolve_latest("latest~3", dir_), Error);
  EXPECT_THROW(resolve_latest("latest~x", dir_), Error);
  EXPECT_THROW(resolve_latest("latest~", dir_), Error);
  EXPECT_TRUE(saved_results(dir_ / "none").empty());
  EXPECT_THROW(resolve_latest("latest", dir_ / "none"), Error);
}

// Sets an environment variable for the scope, as it was after.
class EnvScope {
 public:
  EnvScope(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? setenv(name, value, 1) : unsetenv(name);
  }
  ~EnvScope() { old_ ? setenv(name_, old_->c_str(), 1) : unsetenv(name_); }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(UserPaths, XdgVariablesThenTheHomeThenTheWorkingDirectory) {
  {
    const EnvScope data("XDG_DATA_HOME", "/xdg/data");
    const EnvScope config("XDG_CONFIG_HOME", "/xdg/config");
    EXPECT_EQ(results_dir(), "/xdg/data/corebench/results");
    const auto suites = suite_dirs();
    ASSERT_EQ(suites.size(), 2u);
    EXPECT_EQ(suites[0].path, "/xdg/config/corebench/suites");
    EXPECT_TRUE(suites[0].user);
    EXPECT_FALSE(suites[1].user);
    EXPECT_EQ(machine_profile_dirs()[0].path, "/xdg/config/corebench/machines");
  }
  {
    // A relative XDG value is ignored, as the specification says.
    const EnvScope data("XDG_DATA_HOME", "relative");
    const EnvScope home("HOME", "/home/someone");
    EXPECT_EQ(results_dir(), "/home/someone/.local/share/corebench/results");
    EXPECT_EQ(suite_dirs()[0].path, "/home/someone/.config/corebench/suites");
  }
  {
    const EnvScope data("XDG_DATA_HOME", nullptr);
    const EnvScope config("XDG_CONFIG_HOME", nullptr);
    const EnvScope home("HOME", nullptr);
    EXPECT_EQ(results_dir(), "corebench-results");
    EXPECT_EQ(suite_dirs().size(), 1u);  // corebench's own only
  }
}

TEST(UserPaths, AUserProfileHidesTheShippedOneOfTheSameName) {
  const fs::path root = fs::temp_directory_path() / ("corebench-dirs-" + std::to_string(getpid()));
  fs::create_directories(root / "user");
  fs::create_directories(root / "shipped");
  for (const char* name : {"quick", "mine"})
    std::ofstream(root / "user" / (std::string(name) + ".toml"));
  for (const char* name : {"quick", "review"})
    std::ofstream(root / "shipped" / (std::string(name) + ".toml"));
  const auto files = find_profiles({{.path = root / "user", .user = true},
                                    {.path = root / "shipped", .user = false},
                                    {.path = root / "absent", .user = false}});
  fs::remove_all(root);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].name, "mine");
  EXPECT_EQ(files[1].name, "quick");
  EXPECT_TRUE(files[1].user);
  EXPECT_EQ(files[1].path, root / "user" / "quick.toml");
  EXPECT_EQ(files[2].name, "review");
  EXPECT_FALSE(files[2].user);
}

}  // namespace
}  // namespace corebench
