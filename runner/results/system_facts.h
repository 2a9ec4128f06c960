// What `info` shows and every result file records about the machine and the
// binary: enough to tell two results' conditions apart. Plain data, so that
// result files (and the child's protocol) need nothing of machine detection;
// machine/system_info.h reads it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace corebench {

struct BuildInfo {
  std::string version;
  std::string compiler;
  std::string build_type;
  std::string flags;
  std::string arch;    // the architecture this binary was built for
  std::string target;  // COREBENCH_TARGET: native, portable, gb10, zen5
};

struct SystemInfo {
  std::string hostname;
  std::string cpu_model;  // under qemu-user: the host's, marked as such
  std::string arch;
  int logical_cpus = 0;
  int physical_cores = 0;
  std::string online_cpus;  // as the kernel lists them: "0-1"
  std::uint64_t memory_bytes = 0;
  std::uint64_t last_level_cache_bytes = 0;
  std::string kernel;
  std::string os;
  std::string governor;  // empty where cpufreq is not readable
  std::string smt;       // "on", "off", "notsupported", or empty
  BuildInfo build;
};

nlohmann::json to_json(const SystemInfo& info);
SystemInfo system_info_from_json(const nlohmann::json& j);

// "" when `recorded` and `here` describe the same machine and build (every
// fact equal: results in one file are read as one machine's), else the
// first fact that differs: "cpu_model is 'A' in the file, 'B' here".
std::string machine_difference(const SystemInfo& recorded, const SystemInfo& here);

}  // namespace corebench
