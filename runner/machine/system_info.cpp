#include "runner/machine/system_info.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>
#include <string_view>

#include "runner/machine/isa.h"
#include "runner/machine/memory_devices.h"
#include "runner/machine/sysfs.h"

#ifndef COREBENCH_VERSION
#define COREBENCH_VERSION "0.0.0-dev"
#endif
#ifndef COREBENCH_BUILD_TYPE
#define COREBENCH_BUILD_TYPE "unknown"
#endif
#ifndef COREBENCH_CXX_FLAGS
#define COREBENCH_CXX_FLAGS ""
#endif
#ifndef COREBENCH_TARGET_NAME
#define COREBENCH_TARGET_NAME "unknown"
#endif

namespace corebench {
namespace {

std::string compiler_name() {
#if defined(__clang__)
  return "clang " __clang_version__;
#elif defined(__GNUC__)
  return "g++ " __VERSION__;
#else
  return "unknown";
#endif
}

std::string target_arch() {
#if defined(__x86_64__)
  return "x86_64";
#elif defined(__aarch64__)
  return "aarch64";
#else
  return "unknown";
#endif
}

std::string cpu_model(const std::string& cpuinfo) {
  for (const char* key : {"model name", "Model", "Hardware", "cpu model"})
    if (auto model = cpuinfo_field(cpuinfo, key); !model.empty()) return model;
  // Arm kernels name no model; the part number is what there is.
  const std::string part = cpuinfo_field(cpuinfo, "CPU part");
  return part.empty() ? "unknown" : "Arm CPU part " + part;
}

// The largest cache of the outermost level the machine has.
std::uint64_t last_level_cache(const Topology& topology) {
  auto domains = topology.domains_of(DomainKind::L3);
  if (domains.empty()) domains = topology.domains_of(DomainKind::L2);
  std::uint64_t largest = 0;
  for (const auto& domain : domains) largest = std::max(largest, domain.size_bytes);
  return largest;
}

std::string os_name(const std::filesystem::path& root) {
  std::istringstream lines(read_text(under(root, "/etc/os-release")).value_or(""));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("PRETTY_NAME=", 0) != 0) continue;
    std::string name = line.substr(12);
    if (name.size() >= 2 && name.front() == '"') name = name.substr(1, name.size() - 2);
    return name;
  }
  return "";
}

constexpr const char* kCpu = "/sys/devices/system/cpu";

// A cpufreq file of cpu 0: cpu0/cpufreq is a link to its policy on a live
// system; dumps keep only policyN.
std::string cpufreq_line(const std::filesystem::path& root, const std::string& name) {
  for (const char* dir : {"/cpu0/cpufreq/", "/cpufreq/policy0/"})
    if (auto line = read_line(under(root, kCpu + std::string(dir) + name))) return *line;
  return "";
}

std::string on_off(const std::optional<std::string>& flag, bool one_means_on) {
  if (flag != "0" && flag != "1") return "";
  return (*flag == "1") == one_means_on ? "on" : "off";
}

// acpi-cpufreq and amd-pstate: cpufreq/boost (or per policy); intel_pstate
// says the opposite, no_turbo.
std::string boost(const std::filesystem::path& root) {
  for (const char* file : {"/cpufreq/boost", "/cpufreq/policy0/boost"})
    if (auto state = on_off(read_line(under(root, kCpu + std::string(file))), true); !state.empty())
      return state;
  return on_off(read_line(under(root, kCpu + std::string("/intel_pstate/no_turbo"))), false);
}

// "always [madvise] never" -> "madvise".
std::string selected_mode(const std::optional<std::string>& line) {
  if (!line) return "";
  const auto open = line->find('['), close = line->find(']');
  if (open == std::string::npos || close == std::string::npos || close < open) return *line;
  return line->substr(open + 1, close - open - 1);
}

bool has_flag(const std::string& cpuinfo, const std::string& flag) {
  std::istringstream words(cpuinfo_field(cpuinfo, "flags"));
  for (std::string word; words >> word;)
    if (word == flag) return true;
  return false;
}

// x86 guests see the "hypervisor" CPUID bit as a flag; Xen (and some
// others) also name themselves in /sys/hypervisor. Arm kernels have
// neither flag nor a "flags" line: unknown there.
std::string hypervisor(const std::filesystem::path& root, const std::string& cpuinfo) {
  if (auto type = read_line(under(root, "/sys/hypervisor/type")); type && !type->empty())
    return *type;
  if (has_flag(cpuinfo, "hypervisor")) return "yes";
  return cpuinfo_field(cpuinfo, "flags").empty() ? "" : "none";
}

std::map<std::string, std::string> mitigations(const std::filesystem::path& root) {
  std::map<std::string, std::string> found;
  std::error_code ec;
  const auto dir = under(root, std::string(kCpu) + "/vulnerabilities");
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (auto line = read_line(entry.path())) found[entry.path().filename().string()] = *line;
  return found;
}

std::map<std::string, std::string> runtime_environment() {
  std::map<std::string, std::string> found;
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string_view text(*entry);
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view name = text.substr(0, equals);
    for (std::string_view prefix : {"OMP_", "GOMP_", "OPENBLAS_"})
      if (name.substr(0, prefix.size()) == prefix)
        found[std::string(name)] = std::string(text.substr(equals + 1));
  }
  return found;
}

void read_machine_state(SystemInfo& info, const std::filesystem::path& root,
                        const std::string& cpuinfo) {
  info.microcode = cpuinfo_field(cpuinfo, "microcode");
  info.kernel_cmdline = read_line(under(root, "/proc/cmdline")).value_or("");
  info.governor = cpufreq_line(root, "scaling_governor");
  info.cpufreq_driver = cpufreq_line(root, "scaling_driver");
  info.energy_preference = cpufreq_line(root, "energy_performance_preference");
  info.boost = boost(root);
  info.platform_profile =
      read_line(under(root, "/sys/firmware/acpi/platform_profile")).value_or("");
  info.transparent_hugepages =
      selected_mode(read_line(under(root, "/sys/kernel/mm/transparent_hugepage/enabled")));
  info.hypervisor = hypervisor(root, cpuinfo);
  info.memory_modules = describe_memory(read_memory_devices(root));
  info.mitigations = mitigations(root);
}

}  // namespace

BuildInfo build_info() {
  return {COREBENCH_VERSION,   compiler_name(), COREBENCH_BUILD_TYPE,
          COREBENCH_CXX_FLAGS, target_arch(),   COREBENCH_TARGET_NAME};
}

SystemInfo read_system_info(const Topology& topology) {
  SystemInfo info;
  const std::filesystem::path root = topology.root;
  const std::string cpuinfo = read_text(under(root, "/proc/cpuinfo")).value_or("");
  info.cpu_model = cpu_model(cpuinfo);
  info.logical_cpus = static_cast<int>(topology.online.size());
  info.online_cpus = topology.online.to_string();
  info.physical_cores = static_cast<int>(topology.sets_of(DomainKind::Core).size());
  info.memory_bytes = topology.memory_bytes;
  info.last_level_cache_bytes = last_level_cache(topology);
  info.os = os_name(root);
  read_machine_state(info, root, cpuinfo);
  info.smt = read_line(under(root, "/sys/devices/system/cpu/smt/control")).value_or("");
  info.build = build_info();
  if (root == "/") {
    utsname uts{};
    // The environment is this process's: a dump has none.
    info.environment = runtime_environment();
    if (uname(&uts) == 0) {
      info.kernel = std::string(uts.sysname) + " " + uts.release;
      info.arch = uts.machine;
      info.hostname = uts.nodename;
    }
    // qemu-user shows the guest its host's /proc (and uname says the guest's
    // machine): the CPU named, its counts and caches are the host's, on
    // which the emulator's threads do run.
    const std::string described = cpuinfo_arch(cpuinfo);
    if (!described.empty() && described != info.build.arch)
      info.cpu_model +=
          " (" + described + " host; this " + info.build.arch + " binary is emulated)";
  } else {
    info.kernel = read_line(under(root, "/proc/version")).value_or("");
  }
  return info;
}

}  // namespace corebench
