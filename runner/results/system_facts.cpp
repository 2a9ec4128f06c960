#include "runner/results/system_facts.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace corebench {
namespace {

// The facts flattened to "key" and "build.key", each with its JSON text.
std::map<std::string, std::string> flat_facts(const SystemInfo& info) {
  std::map<std::string, std::string> facts;
  const nlohmann::json json = to_json(info);  // items() needs it alive
  for (const auto& [key, value] : json.items()) {
    if (!value.is_object()) {
      facts[key] = value.dump();
      continue;
    }
    for (const auto& [inner, fact] : value.items()) facts[key + "." + inner] = fact.dump();
  }
  return facts;
}

// A fact one side could not read (SMBIOS as a user, cpufreq in a
// container) is not a difference between machines.
bool unknown(const std::string& json_text) {
  return json_text == "\"\"" || json_text == "[]" || json_text == "{}";
}

// What a run observed of the machine's state, not a fact of the machine.
constexpr const char* kObservedKey = "preflight";

}  // namespace

std::string busy_note(const MachineLoad& load) {
  std::vector<std::string> busy;
  for (const auto& p : load.busiest)
    if (p.cpu_share > kBusyShare)
      busy.push_back(
          fmt::format("{} (pid {}) {:.0f} % of a CPU", p.command, p.pid, 100 * p.cpu_share));
  if (busy.empty()) return "";
  std::string note = fmt::format("{}", fmt::join(busy, ", "));
  if (!load.load_average.empty()) note += fmt::format("; load {:.2f}", load.load_average.front());
  return note;
}

nlohmann::json to_json(const MachineLoad& load) {
  nlohmann::json busiest = nlohmann::json::array();
  for (const auto& p : load.busiest)
    busiest.push_back(
        {{"pid", p.pid}, {"command", p.command}, {"cpu_share", p.cpu_share}, {"cpu", p.last_cpu}});
  return {{"load_average", load.load_average}, {"busiest", std::move(busiest)}};
}

MachineLoad machine_load_from_json(const nlohmann::json& j) {
  MachineLoad load;
  if (!j.is_object()) return load;
  load.load_average = j.value("load_average", std::vector<double>{});
  for (const auto& p : j.value("busiest", nlohmann::json::array()))
    load.busiest.push_back(
        {p.value("pid", 0), p.value("command", ""), p.value("cpu_share", 0.0), p.value("cpu", -1)});
  return load;
}

nlohmann::json to_json(const SystemInfo& info) {
  return {
      {"hostname", info.hostname},
      {"cpu_model", info.cpu_model},
      {"arch", info.arch},
      {"logical_cpus", info.logical_cpus},
      {"physical_cores", info.physical_cores},
      {"online_cpus", info.online_cpus},
      {"memory_bytes", info.memory_bytes},
      {"last_level_cache_bytes", info.last_level_cache_bytes},
      {"kernel", info.kernel},
      {"os", info.os},
      {"governor", info.governor},
      {"smt", info.smt},
      {"microcode", info.microcode},
      {"kernel_cmdline", info.kernel_cmdline},
      {"cpufreq_driver", info.cpufreq_driver},
      {"boost", info.boost},
      {"energy_performance_preference", info.energy_preference},
      {"platform_profile", info.platform_profile},
      {"transparent_hugepages", info.transparent_hugepages},
      {"hypervisor", info.hypervisor},
      {"memory_modules", info.memory_modules},
      {"mitigations", info.mitigations},
      {"environment", info.environment},
      {"preflight", info.preflight},
      {"build",
       {{"version", info.build.version},
        {"compiler", info.build.compiler},
        {"build_type", info.build.build_type},
        {"flags", info.build.flags},
        {"arch", info.build.arch},
        {"target", info.build.target}}},
  };
}

SystemInfo system_info_from_json(const nlohmann::json& j) {
  SystemInfo info;
  info.hostname = j.value("hostname", "");
  info.cpu_model = j.value("cpu_model", "");
  info.arch = j.value("arch", "");
  info.logical_cpus = j.value("logical_cpus", 0);
  info.physical_cores = j.value("physical_cores", 0);
  info.online_cpus = j.value("online_cpus", "");
  info.memory_bytes = j.value("memory_bytes", std::uint64_t{0});
  info.last_level_cache_bytes = j.value("last_level_cache_bytes", std::uint64_t{0});
  info.kernel = j.value("kernel", "");
  info.os = j.value("os", "");
  info.governor = j.value("governor", "");
  info.smt = j.value("smt", "");
  // Absent from schema 1 files: unknown.
  info.microcode = j.value("microcode", "");
  info.kernel_cmdline = j.value("kernel_cmdline", "");
  info.cpufreq_driver = j.value("cpufreq_driver", "");
  info.boost = j.value("boost", "");
  info.energy_preference = j.value("energy_performance_preference", "");
  info.platform_profile = j.value("platform_profile", "");
  info.transparent_hugepages = j.value("transparent_hugepages", "");
  info.hypervisor = j.value("hypervisor", "");
  info.memory_modules = j.value("memory_modules", "");  // schema 3
  info.mitigations = j.value("mitigations", std::map<std::string, std::string>{});
  info.environment = j.value("environment", std::map<std::string, std::string>{});
  info.preflight = j.value("preflight", std::vector<std::string>{});
  if (const auto b = j.find("build"); b != j.end() && b->is_object())
    info.build = {b->value("version", ""), b->value("compiler", ""), b->value("build_type", ""),
                  b->value("flags", ""),   b->value("arch", ""),     b->value("target", "")};
  return info;
}

std::string machine_difference(const SystemInfo& recorded, const SystemInfo& here) {
  const auto before = flat_facts(recorded);
  const auto now = flat_facts(here);
  for (const auto& [key, value] : before)
    if (key != kObservedKey && now.at(key) != value && !unknown(value) && !unknown(now.at(key)))
      return fmt::format("{} is {} in the file, {} here", key, value, now.at(key));
  return "";
}

}  // namespace corebench
