#include <fmt/format.h>

#include "workloads/options.h"
#include "runner/sysinfo.h"
#include "runner/verbs/verbs.h"

namespace corebench {

int info_verb(bool json) {
  const SystemInfo info = read_system_info();
  if (json) {
    fmt::print("{}\n", to_json(info).dump(2));
    return 0;
  }
  const auto or_unknown = [](const std::string& s) { return s.empty() ? "unknown" : s; };
  fmt::print("CPU          {}\n", info.cpu_model);
  fmt::print("Architecture {}\n", or_unknown(info.arch));
  fmt::print("CPUs         {} logical ({}), {} physical cores\n", info.logical_cpus,
             info.online_cpus, info.physical_cores);
  fmt::print("SMT          {}\n", or_unknown(info.smt));
  fmt::print("Last cache   {}\n", format_bytes(info.last_level_cache_bytes));
  fmt::print("Memory       {:.1f} GiB\n", static_cast<double>(info.memory_bytes) / (1ull << 30));
  fmt::print("Kernel       {}\n", or_unknown(info.kernel));
  fmt::print("OS           {}\n", or_unknown(info.os));
  fmt::print("Governor     {}\n", or_unknown(info.governor));
  fmt::print("corebench    {} ({} build for {})\n", info.build.version, info.build.build_type,
             info.build.arch);
  fmt::print("Compiler     {}\n", info.build.compiler);
  fmt::print("Flags        {}\n", or_unknown(info.build.flags));
  return 0;
}

}  // namespace corebench
