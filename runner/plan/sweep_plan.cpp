#include "runner/plan/sweep_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "runner/common/error.h"
#include "runner/machine/cpu_set_expression.h"

namespace corebench {
namespace {}  // namespace

std::vector<std::string> split_sweep_sets(std::string_view text) {
  std::vector<std::string> sets;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ',';
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) break;
    if (c != ',' || depth > 0) continue;
    if (i == start) throw Error(fmt::format("--sets '{}': empty set at position {}", text, i));
    sets.emplace_back(text.substr(start, i - start));
    start = i + 1;
  }
  if (depth != 0) throw Error(fmt::format("--sets '{}': unbalanced parentheses", text));
  return sets;
}

std::vector<int> parse_sweep_threads(std::string_view text) {
  std::vector<int> counts;
  for (const auto& item : split_sweep_sets(text)) {
    int count = 0;
    const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), count);
    if (error != std::errc() || end != item.data() + item.size() || count < 1 || count > 4096) {
      throw Error(
          fmt::format("--threads '{}': '{}' is not a thread count from 1 to 4096", text, item));
    }
    counts.push_back(count);
  }
  return counts;
}

SweepPlan plan_sweep(const Registry& registry, const std::string& workload,
                     const std::vector<std::string>& sets, const std::vector<int>& threads,
                     const PlanRequest& base) {
  SweepPlan plan;
  for (const auto& set : sets) {
    CpuSet cpus;
    try {
      cpus = resolve_cpu_set(set, base.topology);
    } catch (const CpuSetError& e) {
      throw UnresolvedCpuSet(e.what());
    }
    std::vector<int> counts = threads;
    if (counts.empty()) counts.push_back(static_cast<int>(cpus.size()));
    for (const int count : counts) {
      if (static_cast<std::size_t>(count) > cpus.size()) {
        plan.notes.push_back(
            fmt::format("left out {} with {} threads: it has {} CPUs", set, count, cpus.size()));
        continue;
      }
      PlanRequest request = base;
      request.targets = {workload};
      request.cpus = set;
      request.threads = std::to_string(count);
      PlannedTest test = std::move(plan_tests(registry, request).front());
      const auto same = std::find_if(plan.tests.begin(), plan.tests.end(), [&](const auto& row) {
        return row.cpus == test.cpus && row.threads == test.threads;
      });
      if (same != plan.tests.end()) {
        plan.notes.push_back(fmt::format("left out {} with {} threads: the same as {}", set, count,
                                         same->cpus_spec));
        continue;
      }
      plan.tests.push_back(std::move(test));
    }
  }
  return plan;
}

}  // namespace corebench
