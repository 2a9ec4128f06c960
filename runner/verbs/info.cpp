#include <fmt/format.h>
#include <fmt/ranges.h>

#include "runner/isa.h"
#include "runner/sysinfo.h"
#include "runner/verbs/verbs.h"
#include "workloads/options.h"

namespace corebench {
namespace {

nlohmann::json to_json(const IsaReport& isa) {
  return {{"built_for", isa.built_for}, {"cpu", isa.cpu}, {"missing", isa.missing}};
}

void print_isa(const IsaReport& isa) {
  const auto words = [](const std::vector<std::string>& list) {
    return list.empty() ? std::string("baseline only") : fmt::format("{}", fmt::join(list, " "));
  };
  fmt::print("Built for    {}\n", words(isa.built_for));
  fmt::print("CPU has      {}\n", words(isa.cpu));
  // Reached only with COREBENCH_SKIP_ISA_CHECK set: otherwise the binary
  // refused to start (isa_guard.h).
  if (!isa.missing.empty())
    fmt::print("Warning      this CPU lacks {}: tests may die of SIGILL\n",
               fmt::join(isa.missing, " "));
}

}  // namespace

int info_verb(bool json) {
  const SystemInfo info = read_system_info();
  const IsaReport isa = isa_report();
  if (json) {
    nlohmann::json j = to_json(info);
    j["isa"] = to_json(isa);
    fmt::print("{}\n", j.dump(2));
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
  fmt::print("corebench    {} ({} build for {}, target {})\n", info.build.version,
             info.build.build_type, info.build.arch, info.build.target);
  fmt::print("Compiler     {}\n", info.build.compiler);
  fmt::print("Flags        {}\n", or_unknown(info.build.flags));
  print_isa(isa);
  return 0;
}

}  // namespace corebench
