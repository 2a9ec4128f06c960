#include "runner/machine/placement.h"

#include <omp.h>
#include <sched.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <stdexcept>
#include <string>
#include <system_error>
#include <tuple>

namespace corebench {
namespace {

// Runs of CPUs the placement alternates between for Spread: L3 domains
// where the set touches more than one, else clusters.
std::vector<CpuSet> spread_domains(const CpuSet& cpus, const Topology& topology) {
  std::vector<CpuSet> l3;
  for (const auto& domain : topology.sets_of(DomainKind::L3)) {
    if (!(domain & cpus).empty()) l3.push_back(domain);
  }
  return l3.size() > 1 ? l3 : topology.sets_of(DomainKind::Cluster);
}

int domain_of(const std::vector<CpuSet>& domains, int cpu) {
  for (std::size_t i = 0; i < domains.size(); ++i) {
    if (domains[i].contains(cpu)) return static_cast<int>(i);
  }
  return 0;
}

}  // namespace

Placement parse_placement(std::string_view text) {
  if (text == "compact") return Placement::Compact;
  if (text == "spread") return Placement::Spread;
  throw std::invalid_argument("placement '" + std::string(text) +
                              "' is neither 'compact' nor 'spread'");
}

const char* placement_name(Placement placement) {
  return placement == Placement::Compact ? "compact" : "spread";
}

std::optional<Placement> placement_option(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return parse_placement(text);
}

std::vector<int> placement_order(const CpuSet& cpus, const Topology& topology,
                                 Placement placement) {
  const auto domains = spread_domains(cpus, topology);
  // For Spread: how many of the set's cores in the same domain come before
  // this CPU's core, so that the k-th core of every domain goes before the
  // (k+1)-th of any.
  std::map<int, int> cores_seen_in_domain;
  std::map<int, int> core_rank;
  for (const int cpu : cpus) {
    const int core = topology.cpu(cpu).core;
    if (!core_rank.count(core)) core_rank[core] = cores_seen_in_domain[domain_of(domains, cpu)]++;
  }
  using Key = std::tuple<int, int, int, int, int>;
  std::vector<std::pair<Key, int>> keyed;
  for (const int cpu : cpus) {
    const CpuDetail& detail = topology.cpu(cpu);
    const CpuSet& siblings = topology.domain(DomainKind::Core, detail.core).cpus;
    const int thread = static_cast<int>(std::lower_bound(siblings.begin(), siblings.end(), cpu) -
                                        siblings.begin());
    const bool spread = placement == Placement::Spread;
    keyed.push_back({Key{thread, detail.core_type, spread ? core_rank[detail.core] : 0,
                         spread ? domain_of(domains, cpu) : 0, cpu},
                     cpu});
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<int> order;
  for (const auto& [key, cpu] : keyed) order.push_back(cpu);
  return order;
}

}  // namespace corebench
