#include "runner/machine/machine_profile.h"

#include <fmt/format.h>

#include <algorithm>

#include "runner/common/error.h"
#include "runner/common/toml_check.h"
#include "runner/machine/openmp_schedule.h"

namespace corebench {
namespace {

const std::string kGeneric = "generic";

std::string string_or(const std::filesystem::path& file, const toml::table& table,
                      const std::string& key, const std::string& prefix,
                      const std::string& fallback) {
  return toml_string(file, table, key, prefix).value_or(fallback);
}

void read_match(const std::filesystem::path& file, const toml::table& root,
                MachineProfile& profile) {
  const toml::table* match = toml_table(file, root, "match");
  if (!match) return;
  check_toml_keys(file, *match, {"architecture", "vendor", "core_types"}, "match.");
  profile.architecture = string_or(file, *match, "architecture", "match.", "");
  profile.vendor = string_or(file, *match, "vendor", "match.", "");
  if (const toml::table* types = toml_table(file, *match, "core_types", "match.")) {
    for (const auto& [id, node] : *types) {
      const std::string key = std::string(id.str());
      profile.core_types[key] =
          static_cast<int>(*toml_integer(file, *types, key, 1, 100000, "match.core_types."));
    }
  }
}

// Reads the string under `key` and hands it to `use`, which throws
// std::invalid_argument for a bad value; that is reported where it is written.
template <typename Use>
void read_checked(const std::filesystem::path& file, const toml::table& table,
                  const std::string& key, const std::string& prefix, Use use) {
  const auto text = toml_string(file, table, key, prefix);
  if (!text) return;
  try {
    use(*text);
  } catch (const std::invalid_argument& error) {
    toml_fail(file, *table.get(key), prefix + key, error.what());
  }
}

void read_policy(const std::filesystem::path& file, const toml::table& root,
                 MachineProfile& profile) {
  if (const toml::table* cpus = toml_table(file, root, "cpus")) {
    check_toml_keys(file, *cpus, {"single_thread", "multi_thread", "placement"}, "cpus.");
    profile.single_thread_cpus =
        string_or(file, *cpus, "single_thread", "cpus.", profile.single_thread_cpus);
    profile.multi_thread_cpus =
        string_or(file, *cpus, "multi_thread", "cpus.", profile.multi_thread_cpus);
    read_checked(file, *cpus, "placement", "cpus.",
                 [&](const std::string& text) { profile.placement = parse_placement(text); });
  }
  if (const toml::table* openmp = toml_table(file, root, "openmp")) {
    check_toml_keys(file, *openmp, {"schedule_one_type", "schedule_mixed_types"}, "openmp.");
    for (auto [key, target] : {std::pair{"schedule_one_type", &profile.schedule_one_type},
                               std::pair{"schedule_mixed_types", &profile.schedule_mixed_types}}) {
      read_checked(file, *openmp, key, "openmp.", [target = target](const std::string& text) {
        parse_openmp_schedule(text);
        *target = text;
      });
    }
  }
  if (const toml::table* compiler = toml_table(file, root, "compiler")) {
    check_toml_keys(file, *compiler, {"flags"}, "compiler.");
    profile.compiler_flags = string_or(file, *compiler, "flags", "compiler.", "");
  }
  if (const toml::table* sweep = toml_table(file, root, "sweep")) {
    check_toml_keys(file, *sweep, {"sets", "threads"}, "sweep.");
    if (sweep->get("sets")) profile.sweep_sets = toml_strings(file, *sweep, "sets", "sweep.");
    if (const toml::node* threads = sweep->get("threads")) {
      const toml::array* array = threads->as_array();
      if (!array) toml_fail(file, *threads, "sweep.threads", "must be an array of whole numbers");
      for (const toml::node& item : *array) {
        const auto count = item.value_exact<std::int64_t>();
        if (!count || *count < 1 || *count > 4096) {
          toml_fail(file, item, "sweep.threads", "must be whole numbers from 1 to 4096");
        }
        profile.sweep_threads.push_back(static_cast<int>(*count));
      }
    }
  }
}

// Specific profiles before the catch-all.
std::vector<ProfileFile> profile_files(const std::vector<ProfileDir>& dirs) {
  std::vector<ProfileFile> files = find_profiles(dirs);
  std::stable_partition(files.begin(), files.end(),
                        [](const ProfileFile& f) { return f.name != kGeneric; });
  return files;
}

}  // namespace

const std::string& MachineProfile::schedule_for(const CpuSet& cpus,
                                                const Topology& topology) const {
  std::size_t types = 0;
  for (const auto& type : topology.core_types) types += (type.cpus & cpus).empty() ? 0 : 1;
  return types > 1 ? schedule_mixed_types : schedule_one_type;
}

MachineProfile load_machine_profile(const std::filesystem::path& file) {
  const toml::table root = parse_toml_file(file);
  check_toml_keys(file, root, {"title", "match", "cpus", "openmp", "compiler", "sweep"});
  MachineProfile profile;
  profile.name = file.stem().string();
  profile.file = file;
  profile.title = string_or(file, root, "title", "", profile.name);
  read_match(file, root, profile);
  read_policy(file, root, profile);
  return profile;
}

std::vector<std::string> profile_mismatches(const MachineProfile& profile,
                                            const Topology& topology) {
  std::vector<std::string> problems;
  if (!profile.architecture.empty() && profile.architecture != topology.architecture) {
    problems.push_back(
        fmt::format("architecture {} expected, {} found", profile.architecture,
                    topology.architecture.empty() ? "unknown" : topology.architecture));
  }
  if (!profile.vendor.empty() && profile.vendor != topology.vendor) {
    problems.push_back(
        fmt::format("vendor {} expected, {} found", profile.vendor, topology.vendor));
  }
  if (!profile.core_types.empty()) {
    std::map<std::string, int> found;
    for (const auto& type : topology.core_types) found[type.id] = type.cores;
    if (found != profile.core_types) {
      const auto describe = [](const std::map<std::string, int>& types) {
        std::vector<std::string> parts;
        for (const auto& [id, cores] : types) parts.push_back(fmt::format("{} {}", cores, id));
        return fmt::format("{}", fmt::join(parts, " + "));
      };
      problems.push_back(fmt::format("cores {} expected, {} found", describe(profile.core_types),
                                     describe(found)));
    }
  }
  return problems;
}

ProfileChoice choose_machine_profile(const std::vector<ProfileDir>& dirs, const Topology& topology,
                                     const std::string& forced) {
  const auto files = profile_files(dirs);
  if (!forced.empty()) {
    const auto file = std::find_if(files.begin(), files.end(),
                                   [&](const ProfileFile& f) { return f.name == forced; });
    if (file == files.end()) {
      std::vector<std::string> names;
      for (const auto& f : files) names.push_back(f.name);
      throw Error(fmt::format("no machine profile '{}' in {} (there are: {})", forced,
                              describe_dirs(dirs), fmt::join(names, ", ")));
    }
    ProfileChoice choice{load_machine_profile(file->path), ""};
    const auto problems = profile_mismatches(choice.profile, topology);
    if (!problems.empty()) {
      choice.warning = fmt::format(
          "machine profile '{}' does not match this machine ({}); its CPU "
          "sets may pin the wrong cores",
          forced, fmt::join(problems, "; "));
    }
    return choice;
  }
  for (const auto& file : files) {
    MachineProfile profile = load_machine_profile(file.path);
    if (profile_mismatches(profile, topology).empty()) return {std::move(profile), ""};
  }
  throw Error(fmt::format("no machine profile in {} matches this machine (is generic.toml there?)",
                          describe_dirs(dirs)));
}

}  // namespace corebench
