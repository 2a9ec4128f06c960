#include "runner/results/report/system_table.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <functional>
#include <set>

#include "runner/results/report/text_layout.h"

namespace corebench {
namespace {

constexpr const char* kUnknown = "unknown";
constexpr std::size_t kColumnsPerBlock = 3;

using Fact = std::function<std::string(const SystemInfo&)>;

std::string or_unknown(const std::string& text) {
  return text.empty() ? kUnknown : text;
}

std::string memory(const SystemInfo& s) {
  if (s.memory_bytes == 0) return kUnknown;
  return fmt::format("{:.1f} GiB", static_cast<double>(s.memory_bytes) / (1ull << 30));
}

std::string counts(const SystemInfo& s) {
  if (s.logical_cpus == 0) return kUnknown;
  return fmt::format("{} cores, {} CPUs ({})", s.physical_cores, s.logical_cpus, s.online_cpus);
}

// "12 mitigated, 7 not affected, 1 vulnerable": the count of each kind of
// the kernel's answers; the rows of the ones that differ follow.
std::string mitigation_summary(const SystemInfo& s) {
  if (s.mitigations.empty()) return kUnknown;
  int mitigated = 0, unaffected = 0, vulnerable = 0, other = 0;
  for (const auto& [name, state] : s.mitigations) {
    if (state.rfind("Mitigation", 0) == 0)
      ++mitigated;
    else if (state == "Not affected")
      ++unaffected;
    else if (state.rfind("Vulnerable", 0) == 0)
      ++vulnerable;
    else
      ++other;
  }
  std::string text = fmt::format("{} mitigated, {} not affected", mitigated, unaffected);
  if (vulnerable) text += fmt::format(", {} vulnerable", vulnerable);
  if (other) text += fmt::format(", {} other", other);
  return text;
}

std::string joined(const std::map<std::string, std::string>& variables) {
  if (variables.empty()) return "none";
  std::string text;
  for (const auto& [name, value] : variables)
    text += fmt::format("{}{}={}", text.empty() ? "" : " ", name, value);
  return text;
}

std::string preflight(const SystemInfo& s) {
  if (s.preflight.empty()) return "none";
  return fmt::format("{}", fmt::join(s.preflight, "; "));
}

// A fact that is one text field of the record.
Fact text(std::string SystemInfo::*field) {
  return [field](const SystemInfo& s) { return or_unknown(s.*field); };
}

const std::vector<std::pair<std::string, Fact>>& facts() {
  static const std::vector<std::pair<std::string, Fact>> list = {
      {"cpu", text(&SystemInfo::cpu_model)},
      {"cpus", counts},
      {"memory", memory},
      {"memory modules", text(&SystemInfo::memory_modules)},
      {"kernel", text(&SystemInfo::kernel)},
      {"os", text(&SystemInfo::os)},
      {"governor", text(&SystemInfo::governor)},
      {"smt", text(&SystemInfo::smt)},
      {"cpufreq driver", text(&SystemInfo::cpufreq_driver)},
      {"boost", text(&SystemInfo::boost)},
      {"energy preference", text(&SystemInfo::energy_preference)},
      {"platform profile", text(&SystemInfo::platform_profile)},
      {"huge pages", text(&SystemInfo::transparent_hugepages)},
      {"hypervisor", text(&SystemInfo::hypervisor)},
      {"microcode", text(&SystemInfo::microcode)},
      {"kernel cmdline", text(&SystemInfo::kernel_cmdline)},
      {"mitigations", mitigation_summary},
      {"environment", [](const SystemInfo& s) { return joined(s.environment); }},
      {"pre-flight", preflight},
      {"build", [](const SystemInfo& s) { return or_unknown(describe_build(s.build)); }},
  };
  return list;
}

std::vector<const SystemInfo*> systems(const Comparison& table) {
  std::vector<const SystemInfo*> list;
  if (table.reference_system && !table.reference_label.empty())
    list.push_back(&*table.reference_system);
  for (const auto& system : table.systems) list.push_back(&system);
  return list;
}

SystemRow make_row(const std::string& fact, const std::vector<std::string>& values) {
  SystemRow row{fact, values, false};
  for (const auto& value : values) row.differs = row.differs || value != values.front();
  return row;
}

}  // namespace

std::vector<std::string> system_columns(const Comparison& table,
                                        const std::vector<std::string>& heads) {
  std::vector<std::string> columns;
  if (table.reference_system && !table.reference_label.empty()) columns.push_back("ref");
  columns.insert(columns.end(), heads.begin(), heads.end());
  return columns;
}

std::vector<SystemRow> system_rows(const Comparison& table) {
  const auto list = systems(table);
  std::vector<SystemRow> rows;
  for (const auto& [fact, read] : facts()) {
    std::vector<std::string> values;
    for (const SystemInfo* system : list) values.push_back(read(*system));
    rows.push_back(make_row(fact, values));
  }
  // One row per vulnerability whose state differs between the machines.
  std::set<std::string> names;
  for (const SystemInfo* system : list)
    for (const auto& [name, state] : system->mitigations) names.insert(name);
  for (const auto& name : names) {
    std::vector<std::string> values;
    for (const SystemInfo* system : list) {
      const auto found = system->mitigations.find(name);
      values.push_back(found == system->mitigations.end() ? kUnknown : found->second);
    }
    SystemRow row = make_row(fmt::format("  {}", name), values);
    if (row.differs) rows.push_back(std::move(row));
  }
  return rows;
}

std::string text_system_table(const Comparison& table, const std::vector<std::string>& heads) {
  const std::vector<std::string> columns = system_columns(table, heads);
  const std::vector<SystemRow> rows = system_rows(table);
  std::string out;
  // Three machines at a time, as the results: each block fits the width.
  for (std::size_t first = 0; first < columns.size(); first += kColumnsPerBlock) {
    const std::size_t last = std::min(columns.size(), first + kColumnsPerBlock);
    std::vector<std::vector<std::string>> grid = {{"system"}};
    for (std::size_t i = first; i < last; ++i) grid[0].push_back(columns[i]);
    for (const auto& row : rows) {
      std::vector<std::string> line = {row.differs ? fmt::format("{} {}", row.fact, kDiffersMark)
                                                   : row.fact};
      for (std::size_t i = first; i < last; ++i) line.push_back(row.values[i]);
      grid.push_back(std::move(line));
    }
    TextLayout layout;
    for (std::size_t i = 1; i < grid[0].size(); ++i) layout.wrapping.insert(i);
    layout.right_aligned_from = grid[0].size();  // all on the left
    layout.rules_before = {1};
    if (first) out += "\n";
    out += layout_grid(grid, layout);
  }
  if (columns.size() > 1) out += fmt::format("{}: the machines differ in this\n", kDiffersMark);
  return out;
}

}  // namespace corebench
