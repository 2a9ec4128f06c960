#include "runner/machine/core_types.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace corebench {
namespace {

constexpr unsigned kArm = 0x41;

// Part numbers from the Arm Technical Reference Manuals (MIDR_EL1.PartNum),
// as the Linux kernel's arch/arm64/include/asm/cputype.h also lists them.
constexpr ArmCoreDesign kArmDesigns[] = {
    {kArm, 0xd03, "a53", "Cortex-A53", 1},   {kArm, 0xd05, "a55", "Cortex-A55", 1},
    {kArm, 0xd07, "a57", "Cortex-A57", 2},   {kArm, 0xd08, "a72", "Cortex-A72", 2},
    {kArm, 0xd09, "a73", "Cortex-A73", 2},   {kArm, 0xd0a, "a75", "Cortex-A75", 2},
    {kArm, 0xd0b, "a76", "Cortex-A76", 2},   {kArm, 0xd0c, "n1", "Neoverse N1", 2},
    {kArm, 0xd0d, "a77", "Cortex-A77", 2},   {kArm, 0xd40, "v1", "Neoverse V1", 3},
    {kArm, 0xd41, "a78", "Cortex-A78", 2},   {kArm, 0xd44, "x1", "Cortex-X1", 3},
    {kArm, 0xd46, "a510", "Cortex-A510", 1}, {kArm, 0xd47, "a710", "Cortex-A710", 2},
    {kArm, 0xd48, "x2", "Cortex-X2", 3},     {kArm, 0xd49, "n2", "Neoverse N2", 2},
    {kArm, 0xd4b, "a78c", "Cortex-A78C", 2}, {kArm, 0xd4c, "x1c", "Cortex-X1C", 3},
    {kArm, 0xd4d, "a715", "Cortex-A715", 2}, {kArm, 0xd4e, "x3", "Cortex-X3", 3},
    {kArm, 0xd4f, "v2", "Neoverse V2", 3},   {kArm, 0xd80, "a520", "Cortex-A520", 1},
    {kArm, 0xd81, "a720", "Cortex-A720", 2}, {kArm, 0xd82, "x4", "Cortex-X4", 3},
    {kArm, 0xd84, "v3", "Neoverse V3", 3},   {kArm, 0xd85, "x925", "Cortex-X925", 3},
    {kArm, 0xd87, "a725", "Cortex-A725", 2}, {kArm, 0xd8e, "n3", "Neoverse N3", 2},
};

// CPUs of one design, before ranking.
struct Group {
  std::string key;
  std::vector<std::size_t> members;  // indices into the input
  std::string id;
  std::string name;
  int tier = 0;      // known Arm design tier, 0 otherwise
  int pmu_rank = 0;  // 1 for Intel's cpu_core PMU
  int capacity = 0;
  std::uint64_t max_freq_khz = 0;
  std::uint64_t highest_perf = 0;
  int lowest_cpu = 0;
};

std::string hex(unsigned value) {
  char text[16];
  std::snprintf(text, sizeof text, "%x", value);
  return text;
}

// What tells designs apart on this machine; see the header for why.
std::string design_key(const CoreSignals& signals, bool any_arm, bool any_pmu) {
  if (any_arm) {
    return signals.arm ? "arm:" + hex(signals.arm->implementer) + ":" + hex(signals.arm->part)
                       : "arm:unknown";
  }
  if (any_pmu) return signals.pmu_big ? (*signals.pmu_big ? "pmu:core" : "pmu:atom") : "pmu:none";
  return "cache:" + signals.cache_layout;
}

void describe_arm(Group& group, const CoreSignals& signals) {
  if (!signals.arm) {
    group.id = "unknown";
    group.name = "unidentified core";
    return;
  }
  if (const auto* design = find_arm_core_design(signals.arm->implementer, signals.arm->part)) {
    group.id = design->id;
    group.name = design->name;
    group.tier = design->tier;
    return;
  }
  group.id = "part" + hex(signals.arm->implementer) + "_" + hex(signals.arm->part);
  group.name =
      "implementer 0x" + hex(signals.arm->implementer) + " part 0x" + hex(signals.arm->part);
}

// x86 designs have no table: name them by rank once ranked.
void name_x86(std::vector<Group>& groups, const std::string& vendor, int family) {
  if (groups.size() == 1) {
    const bool zen5 = vendor == "AuthenticAMD" && family == 26;
    groups[0].id = zen5 ? "zen5" : "x86";
    groups[0].name = zen5 ? "Zen 5" : "x86 core";
    return;
  }
  const bool intel = vendor == "GenuineIntel";
  for (std::size_t rank = 0; rank < groups.size(); ++rank) {
    const std::string suffix = rank >= 2 ? std::to_string(rank) : "";
    if (intel) {
      groups[rank].id = rank == 0 ? "p" : "e" + suffix;
      groups[rank].name = rank == 0 ? "P-core" : "E-core" + suffix;
    } else {
      groups[rank].id = "type" + std::to_string(rank);
      groups[rank].name = "core type " + std::to_string(rank);
    }
  }
}

bool faster(const Group& a, const Group& b) {
  return std::tie(b.tier, b.pmu_rank, b.capacity, b.max_freq_khz, b.highest_perf, a.lowest_cpu) <
         std::tie(a.tier, a.pmu_rank, a.capacity, a.max_freq_khz, a.highest_perf, b.lowest_cpu);
}

}  // namespace

const ArmCoreDesign* find_arm_core_design(unsigned implementer, unsigned part) {
  for (const auto& design : kArmDesigns) {
    if (design.implementer == implementer && design.part == part) return &design;
  }
  return nullptr;
}

CoreTypeAssignment classify_core_types(const std::vector<int>& cpus,
                                       const std::vector<CoreSignals>& signals,
                                       const std::string& vendor, int x86_family) {
  const bool any_arm = std::any_of(signals.begin(), signals.end(), [](auto& s) { return s.arm; });
  const bool any_pmu =
      std::any_of(signals.begin(), signals.end(), [](auto& s) { return s.pmu_big.has_value(); });

  std::vector<Group> groups;
  for (std::size_t i = 0; i < cpus.size(); ++i) {
    const std::string key = design_key(signals[i], any_arm, any_pmu);
    auto group = std::find_if(groups.begin(), groups.end(), [&](auto& g) { return g.key == key; });
    if (group == groups.end()) {
      groups.push_back(Group{});
      group = groups.end() - 1;
      group->key = key;
      group->lowest_cpu = cpus[i];
      if (any_arm) describe_arm(*group, signals[i]);
      group->pmu_rank = signals[i].pmu_big.value_or(false) ? 1 : 0;
    }
    group->members.push_back(i);
    group->capacity = std::max(group->capacity, signals[i].capacity);
    group->max_freq_khz = std::max(group->max_freq_khz, signals[i].max_freq_khz);
    group->highest_perf = std::max(group->highest_perf, signals[i].highest_perf);
  }
  std::sort(groups.begin(), groups.end(), faster);
  if (!any_arm) name_x86(groups, vendor, x86_family);

  CoreTypeAssignment result;
  result.type_of.assign(cpus.size(), 0);
  for (std::size_t rank = 0; rank < groups.size(); ++rank) {
    std::vector<int> ids;
    for (const auto member : groups[rank].members) {
      ids.push_back(cpus[member]);
      result.type_of[member] = static_cast<int>(rank);
    }
    result.types.push_back(CoreType{.id = groups[rank].id,
                                    .name = groups[rank].name,
                                    .cpus = CpuSet(std::move(ids)),
                                    .max_freq_khz = groups[rank].max_freq_khz});
  }
  return result;
}

}  // namespace corebench
