#include "runner/common/paths.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <system_error>

#ifndef COREBENCH_SOURCE_DIR
#define COREBENCH_SOURCE_DIR "."
#endif

namespace corebench {
namespace {

std::filesystem::path from_env(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? std::filesystem::path(value) : std::filesystem::path();
}

// The directory holding this binary; empty where /proc is not mounted.
std::filesystem::path binary_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

// An XDG base directory: $VARIABLE, else ~/FALLBACK; empty without either
// (a daemon's environment).
std::filesystem::path xdg_dir(const char* variable, const char* fallback) {
  // The specification ignores a relative value.
  if (const auto dir = from_env(variable); dir.is_absolute()) return dir;
  if (const auto home = from_env("HOME"); !home.empty()) return home / fallback;
  return {};
}

std::vector<ProfileDir> profile_dirs(const char* kind) {
  std::vector<ProfileDir> dirs;
  if (const auto config = xdg_dir("XDG_CONFIG_HOME", ".config"); !config.empty())
    dirs.push_back({.path = config / "corebench" / kind, .user = true});
  dirs.push_back({.path = data_dir() / "profiles" / kind, .user = false});
  return dirs;
}

}  // namespace

std::filesystem::path data_dir() {
  if (const auto bin = binary_dir(); !bin.empty()) {
    std::error_code ec;
    const auto installed = bin.parent_path() / "share" / "corebench";
    if (std::filesystem::is_directory(installed / "profiles", ec)) return installed;
  }
  if (auto dir = from_env("COREBENCH_DATA_DIR"); !dir.empty()) return dir;
  return COREBENCH_SOURCE_DIR;
}

std::vector<ProfileDir> suite_dirs() {
  return profile_dirs("suites");
}

std::vector<ProfileDir> machine_profile_dirs() {
  return profile_dirs("machines");
}

std::vector<ProfileFile> find_profiles(const std::vector<ProfileDir>& dirs) {
  std::vector<ProfileFile> files;
  for (const ProfileDir& dir : dirs) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path, ec)) {
      if (entry.path().extension() != ".toml") continue;
      const std::string name = entry.path().stem().string();
      if (std::none_of(files.begin(), files.end(),
                       [&](const ProfileFile& f) { return f.name == name; }))
        files.push_back({.name = name, .path = entry.path(), .user = dir.user});
    }
  }
  std::sort(files.begin(), files.end(),
            [](const ProfileFile& a, const ProfileFile& b) { return a.name < b.name; });
  return files;
}

std::string describe_dirs(const std::vector<ProfileDir>& dirs) {
  std::string text;
  for (const ProfileDir& dir : dirs) text += (text.empty() ? "" : " or ") + dir.path.string();
  return text;
}

std::filesystem::path reference_dir() {
  return data_dir() / "results" / "reference";
}

std::filesystem::path published_dir() {
  return data_dir() / "results" / "published";
}

std::filesystem::path results_dir() {
  if (const auto data = xdg_dir("XDG_DATA_HOME", ".local/share"); !data.empty())
    return data / "corebench" / "results";
  return "corebench-results";
}

}  // namespace corebench
