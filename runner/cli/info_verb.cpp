#include <fmt/format.h>
#include <fmt/ranges.h>

#include "runner/cli/verbs.h"
#include "runner/machine/cpu_set_expression.h"
#include "runner/machine/isa.h"
#include "runner/machine/machine.h"
#include "runner/machine/system_info.h"
#include "runner/machine/topology_report.h"
#include "runner/telemetry/sensors.h"
#include "workloads/options.h"

namespace corebench {
namespace {

// "x925:1 (5)": an expression and what it is here.
std::string with_cpus(const std::string& expression, const Topology& topology) {
  try {
    return fmt::format("{} ({})", expression, resolve_cpu_set(expression, topology).to_string());
  } catch (const CpuSetError&) {
    return fmt::format("{} (does not resolve here)", expression);
  }
}

nlohmann::json profile_json(const MachineProfile& profile) {
  return {{"name", profile.name},
          {"title", profile.title},
          {"file", profile.file.string()},
          {"single_thread_cpus", profile.single_thread_cpus},
          {"multi_thread_cpus", profile.multi_thread_cpus},
          {"placement", placement_name(profile.placement)},
          {"schedule_one_type", profile.schedule_one_type},
          {"schedule_mixed_types", profile.schedule_mixed_types},
          {"compiler_flags", profile.compiler_flags},
          {"sweep_sets", profile.sweep_sets},
          {"sweep_threads", profile.sweep_threads}};
}

void print_profile(const MachineProfile& profile, const Topology& topology) {
  fmt::print("Profile    {}: {} ({})\n", profile.name, profile.title, profile.file.string());
  fmt::print("           single-threaded tests on {}, multi-threaded on {}, placement {}\n",
             with_cpus(profile.single_thread_cpus, topology),
             with_cpus(profile.multi_thread_cpus, topology), placement_name(profile.placement));
  fmt::print("           OpenMP schedule {} on one core type, {} across types\n",
             profile.schedule_one_type, profile.schedule_mixed_types);
  fmt::print("           compiler flags {}\n", profile.compiler_flags);
  fmt::print("           sweep sets {}\n", fmt::join(profile.sweep_sets, ", "));
}

nlohmann::json to_json(const IsaReport& isa) {
  return {{"built_for", isa.built_for}, {"cpu", isa.cpu}, {"missing", isa.missing}};
}

void print_isa(const IsaReport& isa) {
  const auto words = [](const std::vector<std::string>& list) {
    return list.empty() ? std::string("baseline only") : fmt::format("{}", fmt::join(list, " "));
  };
  fmt::print("Built for  {}\n", words(isa.built_for));
  fmt::print("CPU has    {}\n", words(isa.cpu));
  // Reached only with COREBENCH_SKIP_ISA_CHECK set: otherwise the binary
  // refused to start (isa_guard.h).
  if (!isa.missing.empty())
    fmt::print("Warning    this CPU lacks {}: tests may die of SIGILL\n",
               fmt::join(isa.missing, " "));
}

// The state that moves results: one line each, "unknown" where unreadable.
void print_state(const SystemInfo& info) {
  const auto or_unknown = [](const std::string& s) { return s.empty() ? "unknown" : s; };
  fmt::print("Microcode  {}\n", or_unknown(info.microcode));
  fmt::print("Cpufreq    driver {}, governor {}, boost {}, energy preference {}\n",
             or_unknown(info.cpufreq_driver), or_unknown(info.governor), or_unknown(info.boost),
             or_unknown(info.energy_preference));
  fmt::print("Platform   profile {}, transparent huge pages {}, hypervisor {}\n",
             or_unknown(info.platform_profile), or_unknown(info.transparent_hugepages),
             or_unknown(info.hypervisor));
  fmt::print("Memory     {}\n", info.memory_modules.empty()
                                    ? "modules unknown (SMBIOS entries absent or not readable)"
                                    : info.memory_modules);
  fmt::print("Cmdline    {}\n", or_unknown(info.kernel_cmdline));
  for (const auto& [name, state] : info.mitigations) fmt::print("Mitigation {}: {}\n", name, state);
  if (info.mitigations.empty()) fmt::print("Mitigation unknown\n");
  for (const auto& [name, value] : info.environment) fmt::print("Env        {}={}\n", name, value);
}

// What the sampler would read during runs on this machine (all its CPUs).
Sensors machine_sensors(const Topology& topology) {
  std::vector<int> ids;
  for (const auto& cpu : topology.cpus) ids.push_back(cpu.id);
  return discover_sensors(topology.root, CpuSet(std::move(ids)));
}

nlohmann::json to_json(const Sensors& sensors) {
  const auto names = [](const auto& list, const auto& name_of) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& item : list) names.push_back(name_of(item));
    return names;
  };
  return {
      {"clock", names(sensors.clocks,
                      [](const ClockSensor& c) {
                        return nlohmann::json{{"cpu", c.cpu},
                                              {"source", c.path.empty() ? "proc/cpuinfo" : c.path}};
                      })},
      {"temperature",
       names(sensors.temperatures, [](const TemperatureSensor& t) { return t.name; })},
      {"energy", names(sensors.energy,
                       [](const EnergySensor& e) {
                         return nlohmann::json{{"domain", e.domain},
                                               {"kind", e.kind},
                                               {"reads", e.power ? "power" : "energy"}};
                       })},
      {"throttle_cpus", names(sensors.throttles, [](const ThrottleSensor& t) { return t.cpu; })},
      {"skipped", sensors.problems}};
}

}  // namespace

int info_verb(const InfoArgs& args) {
  const Machine machine = detect_machine(args.profile, args.sysfs_root);
  const SystemInfo info = read_system_info(machine.topology);
  if (args.json) {
    nlohmann::json j = to_json(info);
    j["topology"] = topology_to_json(machine.topology);
    j["profile"] = profile_json(machine.profile);
    j["isa"] = to_json(isa_report());
    j["sensors"] = to_json(machine_sensors(machine.topology));
    fmt::print("{}\n", j.dump(2));
    return 0;
  }
  const auto or_unknown = [](const std::string& s) { return s.empty() ? "unknown" : s; };
  fmt::print("{}", format_topology(machine.topology));
  print_profile(machine.profile, machine.topology);
  fmt::print("Kernel     {}\n", or_unknown(info.kernel));
  fmt::print("OS         {}\n", or_unknown(info.os));
  print_state(info);
  fmt::print("corebench  {} ({} build for {}, target {})\n", info.build.version,
             info.build.build_type, info.build.arch, info.build.target);
  fmt::print("Compiler   {}\n", info.build.compiler);
  fmt::print("Flags      {}\n", or_unknown(info.build.flags));
  print_isa(isa_report());
  const std::vector<std::string> sensors = describe_sensors(machine_sensors(machine.topology));
  for (std::size_t i = 0; i < sensors.size(); ++i)
    fmt::print("{}{}\n", i ? "           " : "Sensors    ", sensors[i]);
  return 0;
}

}  // namespace corebench
