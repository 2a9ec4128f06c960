#include "runner/machine/system_info.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "runner/machine/isa.h"
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
  info.governor =
      read_line(under(root, "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")).value_or("");
  info.smt = read_line(under(root, "/sys/devices/system/cpu/smt/control")).value_or("");
  info.build = build_info();
  if (root == "/") {
    utsname uts{};
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
