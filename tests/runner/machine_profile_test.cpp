// The shipped machine profiles against the fixture machines, and the
// checking of profile files a user wrote.
#include "runner/machine/machine_profile.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "runner/common/error.h"
#include "runner/machine/cpu_set_expression.h"

namespace corebench {
namespace {

const std::vector<ProfileDir> kProfiles = {
    {.path = std::filesystem::path(COREBENCH_TEST_DATA) / ".." / "profiles" / "machines"}};

Topology load(const std::string& name) {
  return detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + name);
}

// Every CPU set the profile names resolves on `topology`, else Error naming
// the profile file and the set.
void check_profile_cpu_sets(const MachineProfile& profile, const Topology& topology) {
  std::vector<std::pair<std::string, std::string>> sets = {
      {"cpus.single_thread", profile.single_thread_cpus},
      {"cpus.multi_thread", profile.multi_thread_cpus}};
  for (const auto& set : profile.sweep_sets) sets.emplace_back("sweep.sets", set);
  for (const auto& [key, expression] : sets) {
    try {
      resolve_cpu_set(expression, topology);
    } catch (const CpuSetError& error) {
      throw Error(fmt::format("{}: '{}': {}", profile.file.string(), key, error.what()));
    }
  }
}

TEST(MachineProfile, ChosenFromDetection) {
  const std::pair<const char*, const char*> expected[] = {
      {"nvidia-dgx-gb10", "gb10"},
      {"amd-strix-halo-synthetic", "strix-halo"},
      {"intel-i7-1370p-hybrid", "generic"},
      {"this-machine-xeon-2cpu", "generic"},
      {"arm-offline-cpu", "generic"}};
  for (const auto& [machine, profile] : expected) {
    const Topology topology = load(machine);
    const ProfileChoice choice = choose_machine_profile(kProfiles, topology, "");
    EXPECT_EQ(choice.profile.name, profile) << machine;
    EXPECT_EQ(choice.warning, "") << machine;
    EXPECT_NO_THROW(check_profile_cpu_sets(choice.profile, topology)) << machine;
  }
}

TEST(MachineProfile, Gb10Policy) {
  const Topology gb10 = load("nvidia-dgx-gb10");
  const MachineProfile profile = choose_machine_profile(kProfiles, gb10, "").profile;
  // The single-thread default is an X925, not cpu 0 (an A725).
  EXPECT_EQ(resolve_cpu_set(profile.single_thread_cpus, gb10).to_string(), "5");
  EXPECT_EQ(profile.schedule_for(resolve_cpu_set("all", gb10), gb10), "dynamic");
  EXPECT_EQ(profile.schedule_for(resolve_cpu_set("x925", gb10), gb10), "static");
  EXPECT_EQ(profile.sweep_sets, (std::vector<std::string>{"x925:1", "a725:1", "x925", "a725",
                                                          "cluster0", "cluster1", "all"}));
}

TEST(MachineProfile, StrixHaloSingleThreadIsCoreZero) {
  const Topology strix = load("amd-strix-halo-synthetic");
  const MachineProfile profile = choose_machine_profile(kProfiles, strix, "").profile;
  EXPECT_EQ(resolve_cpu_set(profile.single_thread_cpus, strix).to_string(), "0");
  EXPECT_EQ(profile.sweep_sets.front(), "smt-primary:1");
}

TEST(MachineProfile, ForcedMismatchWarns) {
  const ProfileChoice choice = choose_machine_profile(kProfiles, load("one-cpu"), "gb10");
  EXPECT_EQ(choice.profile.name, "gb10");
  EXPECT_EQ(choice.warning,
            "machine profile 'gb10' does not match this machine (architecture aarch64 expected, "
            "x86_64 found; cores 10 a725 + 10 x925 expected, 1 x86 found); its CPU sets may pin "
            "the wrong cores");
  EXPECT_THROW(check_profile_cpu_sets(choice.profile, load("one-cpu")), Error);
}

TEST(MachineProfile, UnknownNameIsAnError) {
  try {
    choose_machine_profile(kProfiles, load("one-cpu"), "gb11");
    FAIL();
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("no machine profile 'gb11'"), std::string::npos);
  }
}

class BadProfile : public ::testing::Test {
 protected:
  std::string error_of(const std::string& text) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("corebench-profile-" + std::to_string(getpid()) + ".toml");
    std::ofstream(file) << text;
    std::string message;
    try {
      load_machine_profile(file);
    } catch (const Error& error) {
      message = error.what();
    }
    std::filesystem::remove(file);
    // The temporary file's name varies; the rest is the point.
    const auto colon = message.find(".toml:");
    return colon == std::string::npos ? message : message.substr(colon + 6);
  }
};

TEST_F(BadProfile, ErrorsNameLineAndKey) {
  EXPECT_EQ(error_of("title = \"x\"\ncolour = 3\n"),
            "2: 'colour': unknown key (allowed: compiler, cpus, match, openmp, sweep, title)");
  EXPECT_EQ(error_of("[cpus]\nsingle_thread = \"0\"\nplacment = \"spread\"\n"),
            "3: 'cpus.placment': unknown key (allowed: multi_thread, placement, single_thread)");
  EXPECT_EQ(error_of("[cpus]\nsingle_thread = 0\n"), "2: 'cpus.single_thread': must be a string");
  EXPECT_EQ(error_of("[cpus]\nplacement = \"scatter\"\n"),
            "2: 'cpus.placement': placement 'scatter' is neither 'compact' nor 'spread'");
  EXPECT_EQ(error_of("[openmp]\n\nschedule_mixed_types = \"dynamic,0\"\n"),
            "3: 'openmp.schedule_mixed_types': OpenMP schedule 'dynamic,0': the chunk must be a "
            "whole number of at least 1");
  EXPECT_EQ(error_of("[match]\ncore_types = { x925 = \"ten\" }\n"),
            "2: 'match.core_types.x925': must be a whole number from 1 to 100000");
  EXPECT_EQ(error_of("[sweep]\nsets = [\"all\", 3]\n"),
            "2: 'sweep.sets': must be an array of strings");
  EXPECT_EQ(error_of("[sweep]\nthreads = [1, 0]\n"),
            "2: 'sweep.threads': must be whole numbers from 1 to 4096");
  EXPECT_EQ(error_of("match = 3\n"), "1: 'match': must be a table");
  EXPECT_EQ(error_of("[cpus\n"), "1: Error while parsing table header: expected ']', saw '\\n'");
}

TEST_F(BadProfile, DefaultsForWhatIsLeftOut) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("corebench-empty-" + std::to_string(getpid()) + ".toml");
  std::ofstream(file) << "title = \"bare\"\n";
  const MachineProfile profile = load_machine_profile(file);
  std::filesystem::remove(file);
  EXPECT_EQ(profile.single_thread_cpus, "big:1");
  EXPECT_EQ(profile.placement, Placement::Compact);
  EXPECT_EQ(profile.schedule_mixed_types, "dynamic");
  EXPECT_TRUE(profile.core_types.empty());
}

}  // namespace
}  // namespace corebench
