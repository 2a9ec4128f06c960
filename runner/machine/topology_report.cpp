#include "runner/machine/topology_report.h"

#include <fmt/format.h>

#include <map>

#include "runner/machine/cpu_set_expression.h"
#include "workloads/options.h"

namespace corebench {
namespace {

// Long lists (a server's hundred clusters) are cut after this many entries.
constexpr std::size_t kMaxListed = 8;

std::string ghz(std::uint64_t khz) {
  return khz == 0 ? "max freq unknown" : fmt::format("up to {:.2f} GHz", khz / 1e6);
}

std::string plural(std::size_t count, const char* one, const char* many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// "5 x925 + 5 a725": what a domain is made of, where core types differ.
std::string type_mix(const Topology& topology, const CpuSet& cpus) {
  if (!topology.hybrid()) return "";
  std::vector<std::string> parts;
  for (const auto& type : topology.core_types) {
    const auto count = (type.cpus & cpus).size();
    if (count > 0) parts.push_back(fmt::format("{} {}", count, type.id));
  }
  return fmt::format(" ({})", fmt::join(parts, " + "));
}

void list_domains(std::string& out, const char* title, const std::vector<std::string>& entries) {
  out += fmt::format("{:<11}", title);
  for (std::size_t i = 0; i < entries.size() && i < kMaxListed; ++i) {
    out += (i == 0 ? "" : ", ") + entries[i];
  }
  if (entries.size() > kMaxListed) out += fmt::format(", ... ({} in all)", entries.size());
  out += "\n";
}

// Said only where the facts are not sysfs's own.
std::string source_note(const CpuDomain& domain) {
  if (domain.source == "sysfs") return "";
  return domain.sharing_assumed ? fmt::format(", {}; sharing assumed", domain.source)
                                : ", " + domain.source;
}

std::vector<std::string> cache_entries(const std::vector<CpuDomain>& caches) {
  std::vector<std::string> entries;
  for (const auto& cache : caches) {
    entries.push_back(fmt::format("{}:{} {} ({}{})", domain_kind_name(cache.kind), cache.index,
                                  cache.cpus.to_string(), format_bytes(cache.size_bytes),
                                  source_note(cache)));
  }
  return entries;
}

nlohmann::json sets_json(const std::vector<CpuSet>& sets) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& set : sets) list.push_back(set.to_string());
  return list;
}

nlohmann::json domains_json(const std::vector<CpuDomain>& domains) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& domain : domains) {
    list.push_back({{"cpus", domain.cpus.to_string()},
                    {"size_bytes", domain.size_bytes},
                    {"source", domain.source},
                    {"sharing_assumed", domain.sharing_assumed}});
  }
  return list;
}

}  // namespace

std::string format_topology(const Topology& t) {
  std::string out;
  out += fmt::format("{:<11}{}\n", "CPU", t.model.empty() ? "unknown" : t.model);
  out += fmt::format(
      "{:<11}{}, {}, {} online ({}), {}, SMT {}, {}, {}\n", "",
      t.architecture.empty() ? "unknown architecture" : t.architecture,
      t.vendor.empty() ? "unknown vendor" : t.vendor, plural(t.online.size(), "CPU", "CPUs"),
      t.online.to_string(), plural(t.sets_of(DomainKind::Core).size(), "core", "cores"),
      t.smt ? "on" : "off", plural(t.sets_of(DomainKind::Package).size(), "package", "packages"),
      plural(t.sets_of(DomainKind::Numa).size(), "NUMA node", "NUMA nodes"));
  if (t.allowed != t.online) {
    out += fmt::format("{:<11}this process may run on CPUs {} only (its affinity): `all` is them\n",
                       "", t.allowed.to_string());
  }
  if (t.memory_bytes > 0) {
    out += fmt::format("{:<11}{:.1f} GiB\n", "Memory", t.memory_bytes / double(1ull << 30));
  }
  out += "Core types (fastest first)\n";
  for (const auto& type : t.core_types) {
    out += fmt::format("  {:<6} {:<14} {:>3} cores  {:>3} CPUs  {:<20} {}\n", type.id, type.name,
                       type.cores, type.cpus.size(), type.cpus.to_string(), ghz(type.max_freq_khz));
  }
  std::vector<std::string> clusters;
  for (const auto& cluster : t.domains_of(DomainKind::Cluster)) {
    clusters.push_back(fmt::format("cluster{} {}{}", cluster.index, cluster.cpus.to_string(),
                                   type_mix(t, cluster.cpus)));
  }
  list_domains(out, "Clusters", clusters);
  list_domains(out, "L3", cache_entries(t.domains_of(DomainKind::L3)));
  list_domains(out, "L2", cache_entries(t.domains_of(DomainKind::L2)));
  std::vector<std::string> nodes;
  for (const auto& node : t.domains_of(DomainKind::Numa)) {
    nodes.push_back(fmt::format("node{} {}", node.index, node.cpus.to_string()));
  }
  list_domains(out, "NUMA", nodes);
  out += "CPU sets for --cpus (combine with + - & and :COUNT; also core:N, l2:N, package:N)\n";
  for (const auto& [name, cpus] : named_cpu_sets(t)) {
    out += fmt::format("  {:<12} {}\n", name, cpus.to_string());
  }
  if (!t.warnings.empty()) {
    out += "Warnings\n";
    for (const auto& warning : t.warnings) out += "  " + warning + "\n";
  }
  return out;
}

nlohmann::json topology_to_json(const Topology& t) {
  nlohmann::json types = nlohmann::json::array();
  for (const auto& type : t.core_types) {
    types.push_back({{"id", type.id},
                     {"name", type.name},
                     {"cpus", type.cpus.to_string()},
                     {"cores", type.cores},
                     {"max_freq_khz", type.max_freq_khz}});
  }
  nlohmann::json cpus = nlohmann::json::array();
  for (const auto& cpu : t.cpus) {
    cpus.push_back({{"id", cpu.id},
                    {"package", cpu.package},
                    {"core", cpu.core},
                    {"cluster", cpu.cluster},
                    {"core_type", t.core_types[static_cast<std::size_t>(cpu.core_type)].id},
                    {"max_freq_khz", cpu.max_freq_khz},
                    {"capacity", cpu.capacity}});
  }
  nlohmann::json named = nlohmann::json::array();
  for (const auto& [name, set] : named_cpu_sets(t)) {
    named.push_back({{"name", name}, {"cpus", set.to_string()}});
  }
  return {{"root", t.root},
          {"architecture", t.architecture},
          {"vendor", t.vendor},
          {"model", t.model},
          {"memory_bytes", t.memory_bytes},
          {"online", t.online.to_string()},
          {"allowed", t.allowed.to_string()},
          {"smt", t.smt},
          {"core_types", types},
          {"packages", sets_json(t.sets_of(DomainKind::Package))},
          {"cores", sets_json(t.sets_of(DomainKind::Core))},
          {"clusters", sets_json(t.sets_of(DomainKind::Cluster))},
          {"l2", domains_json(t.domains_of(DomainKind::L2))},
          {"l3", domains_json(t.domains_of(DomainKind::L3))},
          {"numa_nodes", sets_json(t.sets_of(DomainKind::Numa))},
          {"cpus", cpus},
          {"named_sets", named},
          {"features", t.features},
          {"warnings", t.warnings}};
}

}  // namespace corebench
