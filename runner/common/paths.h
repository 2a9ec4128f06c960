// Where corebench finds its own data (suites, machine profiles, reference
// results) and the user's (saved results, their own suites and profiles):
// the XDG base directories, as other command-line tools keep them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace corebench {

// corebench's own data: ../share/corebench beside the binary (an installed
// corebench); else $COREBENCH_DATA_DIR (a binary copied away from its
// data); else the source tree this binary was built from (run from its
// build tree).
std::filesystem::path data_dir();

// A directory of profiles, and whether it is the user's own.
struct ProfileDir {
  std::filesystem::path path;
  bool user = false;
};

// The user's ($XDG_CONFIG_HOME/corebench/suites, else
// ~/.config/corebench/suites) first, then corebench's: a name found in
// the first hides the same name in the second.
std::vector<ProfileDir> suite_dirs();
std::vector<ProfileDir> machine_profile_dirs();

struct ProfileFile {
  std::string name;  // the file's stem
  std::filesystem::path path;
  bool user = false;
};

// Every *.toml of `dirs`, by name; a name in an earlier directory hides it
// in later ones. A directory that does not exist holds none.
std::vector<ProfileFile> find_profiles(const std::vector<ProfileDir>& dirs);

// "DIR or DIR", for messages that say where corebench looked.
std::string describe_dirs(const std::vector<ProfileDir>& dirs);

std::filesystem::path reference_dir();

// What reviews published (results/published/*.toml).
std::filesystem::path published_dir();

// Where `run` saves results by default: $XDG_DATA_HOME/corebench/results
// (~/.local/share/corebench/results); ./corebench-results without a home.
std::filesystem::path results_dir();

}  // namespace corebench
