#include "runner/plan/copies_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "runner/common/error.h"

namespace corebench {
namespace {

constexpr int kMaxCopies = 4096;

const std::string& type_id(const Topology& topology, int cpu) {
  return topology.core_types.at(topology.cpu(cpu).core_type).id;
}

CopyPlan copy_on(std::vector<int> cpus, const Topology& topology) {
  const std::string type = type_id(topology, cpus.front());
  return {.cpus = std::move(cpus), .core_type = type};
}

// The set's CPUs by physical core, the fastest type's cores first, each
// core's CPUs in id order; `type` empty: every type.
std::vector<std::vector<int>> cores_of(const CpuSet& cpus, const Topology& topology,
                                       const std::string& type) {
  std::map<std::pair<int, int>, std::vector<int>> by_core;  // (type rank, core) -> CPUs
  for (int cpu : cpus) {
    const CpuDetail& detail = topology.cpu(cpu);
    if (type.empty() || type_id(topology, cpu) == type)
      by_core[{detail.core_type, detail.core}].push_back(cpu);
  }
  std::vector<std::vector<int>> cores;
  for (auto& [key, ids] : by_core) cores.push_back(std::move(ids));
  std::sort(cores.begin(), cores.end(), [&](const auto& a, const auto& b) {
    const int rank_a = topology.cpu(a.front()).core_type,
              rank_b = topology.cpu(b.front()).core_type;
    return rank_a != rank_b ? rank_a < rank_b : a.front() < b.front();
  });
  return cores;
}

std::vector<CopyPlan> one_per_core(const std::vector<std::vector<int>>& cores, int threads,
                                   const Topology& topology) {
  std::vector<CopyPlan> copies;
  for (const auto& core : cores) {
    if (static_cast<int>(core.size()) < threads)
      throw Error(fmt::format(
          "copies of {} threads, one per core: the core of CPU {} has {} CPU{} in the set", threads,
          core.front(), core.size(), core.size() == 1 ? "" : "s"));
    copies.push_back(copy_on({core.begin(), core.begin() + threads}, topology));
  }
  return copies;
}

std::string type_ids(const CpuSet& cpus, const Topology& topology) {
  std::string ids;
  for (const std::string& spec : expand_per_type(cpus, topology))
    ids += (ids.empty() ? "" : ", ") + spec.substr(spec.find(':') + 1);
  return ids;
}

}  // namespace

CopiesRequest parse_copies(const std::string& text) {
  if (text == "per-core") return {.kind = CopiesRequest::Kind::PerCore, .count = 0, .type = ""};
  if (text == "per-type") return {.kind = CopiesRequest::Kind::PerType, .count = 0, .type = ""};
  constexpr std::string_view kOfType = "per-type:";
  if (text.starts_with(kOfType) && text.size() > kOfType.size())
    return {.kind = CopiesRequest::Kind::OfType, .count = 0, .type = text.substr(kOfType.size())};
  int count = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (ec != std::errc() || ptr != text.data() + text.size() || count < 1 || count > kMaxCopies)
    throw Error(
        fmt::format("copies '{}': give a number from 1 to {}, per-core, per-type or per-type:TYPE",
                    text, kMaxCopies));
  return {.kind = CopiesRequest::Kind::Count, .count = count, .type = ""};
}

std::vector<std::string> expand_per_type(const CpuSet& cpus, const Topology& topology) {
  std::vector<std::string> passes;
  for (const CoreType& type : topology.core_types)
    if (!(type.cpus & cpus).empty()) passes.push_back("per-type:" + type.id);
  return passes;
}

std::vector<CopyPlan> plan_copies(const CopiesRequest& request, const CpuSet& cpus, int threads,
                                  const Topology& topology, Placement placement) {
  switch (request.kind) {
    case CopiesRequest::Kind::Count: {
      const std::vector<int> order = placement_order(cpus, topology, placement);
      const std::size_t needed = static_cast<std::size_t>(request.count) * threads;
      if (needed > order.size())
        throw Error(fmt::format("{} copies of {} thread{} need {} CPUs; the set has {}",
                                request.count, threads, threads == 1 ? "" : "s", needed,
                                order.size()));
      std::vector<CopyPlan> copies;
      for (int i = 0; i < request.count; ++i)
        copies.push_back(
            copy_on({order.begin() + i * threads, order.begin() + (i + 1) * threads}, topology));
      return copies;
    }
    case CopiesRequest::Kind::PerCore:
      return one_per_core(cores_of(cpus, topology, ""), threads, topology);
    case CopiesRequest::Kind::OfType: {
      const auto cores = cores_of(cpus, topology, request.type);
      if (cores.empty())
        throw Error(fmt::format("copies per-type:{}: the set has no core of type '{}' (it has: {})",
                                request.type, request.type, type_ids(cpus, topology)));
      return one_per_core(cores, threads, topology);
    }
    case CopiesRequest::Kind::PerType: break;
  }
  throw Error("copies per-type: plan one pass per type (expand_per_type)");
}

}  // namespace corebench
