// What `info` shows and every result file records about the machine and the
// binary: enough to tell two results' conditions apart.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "runner/topology.h"

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

// The binary's own build facts (compile-time constants).
BuildInfo build_info();

// Reads the machine below `root` ("/" for this one; a dump for tests).
// Counts, memory and caches come from the detected topology (one reader of
// /sys for the whole program); the rest from below topology.root.
SystemInfo read_system_info(const Topology& topology);

nlohmann::json to_json(const SystemInfo& info);
SystemInfo system_info_from_json(const nlohmann::json& j);

}  // namespace corebench
