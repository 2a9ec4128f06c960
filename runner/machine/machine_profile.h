// Machine profiles (profiles/machines/*.toml): how to recognise a machine
// and the policy to run on it: default CPU sets, thread placement, OpenMP
// schedule, recommended compiler flags, sweep presets.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "runner/common/paths.h"
#include "runner/machine/placement.h"
#include "runner/machine/topology.h"

namespace corebench {

struct MachineProfile {
  std::string name;  // the file's stem: "gb10"
  std::filesystem::path file;
  std::string title;

  // [match]: what the detected topology must show; empty = anything.
  std::string architecture;
  std::string vendor;
  std::map<std::string, int> core_types;  // core type id -> physical cores

  // [cpus]
  std::string single_thread_cpus = "big:1";
  std::string multi_thread_cpus = "all";
  Placement placement = Placement::Compact;

  // [openmp]: for schedule(runtime) loops, by whether the test's CPU set
  // holds one core type or several.
  std::string schedule_one_type = "static";
  std::string schedule_mixed_types = "dynamic";

  // [compiler]
  std::string compiler_flags;

  // [sweep]
  std::vector<std::string> sweep_sets = {"big:1", "all"};
  std::vector<int> sweep_threads;  // empty: one thread per CPU of each set

  // The schedule for a test on `cpus`.
  const std::string& schedule_for(const CpuSet& cpus, const Topology& topology) const;
};

// Reads and checks one profile. Throws Error naming the file, line and key
// for unknown keys, wrong types and bad values.
MachineProfile load_machine_profile(const std::filesystem::path& file);

// Why `profile` does not describe `topology`; empty when it does.
std::vector<std::string> profile_mismatches(const MachineProfile& profile,
                                            const Topology& topology);

struct ProfileChoice {
  MachineProfile profile;
  std::string warning;  // non-empty when a forced profile does not match
};

// `forced` empty: the first profile of `dirs` (by name, "generic" last; the
// user's hiding corebench's of the same name) that matches `topology`.
// Otherwise the profile of that name, matching or not, with a warning when
// it does not. Throws Error for an unknown name or a broken profile file.
ProfileChoice choose_machine_profile(const std::vector<ProfileDir>& dirs, const Topology& topology,
                                     const std::string& forced);

}  // namespace corebench
