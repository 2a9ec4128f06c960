// Topology detection against dumps of real machines (tests/fixtures/sysfs,
// see its README) and synthetic ones; the expected answers are the ones the
// fixtures' README states for each machine.
#include "runner/topology.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "runner/core_types.h"

namespace corebench {
namespace {

Topology load(const std::string& name) {
  return detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + name);
}

CpuSet list(const char* text) {
  return CpuSet::parse_list(text);
}

std::vector<CpuSet> cpus_of(const std::vector<CpuDomain>& domains) {
  std::vector<CpuSet> sets;
  for (const auto& domain : domains) sets.push_back(domain.cpus);
  return sets;
}

bool has_warning(const Topology& topology, const std::string& part) {
  return std::any_of(
      topology.warnings.begin(), topology.warnings.end(),
      [&](const std::string& warning) { return warning.find(part) != std::string::npos; });
}

TEST(Topology, Gb10HasTwoCoreTypesNotFiveCapacities) {
  const Topology t = load("nvidia-dgx-gb10");
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_EQ(t.architecture, "aarch64");
  EXPECT_EQ(t.vendor, "ARM");
  EXPECT_EQ(t.online, list("0-19"));
  EXPECT_FALSE(t.smt);
  EXPECT_EQ(t.cores.size(), 20u);
  EXPECT_EQ(t.packages, std::vector<CpuSet>{list("0-19")});
  EXPECT_EQ(t.numa_nodes, std::vector<CpuSet>{list("0-19")});

  ASSERT_EQ(t.core_types.size(), 2u);
  EXPECT_EQ(t.core_types[0].id, "x925");
  EXPECT_EQ(t.core_types[0].name, "Cortex-X925");
  EXPECT_EQ(t.core_types[0].cpus, list("5-9,15-19"));
  EXPECT_EQ(t.core_types[0].cores, 10);
  EXPECT_EQ(t.core_types[0].max_freq_khz, 3900000u);
  EXPECT_EQ(t.core_types[1].id, "a725");
  EXPECT_EQ(t.core_types[1].name, "Cortex-A725");
  EXPECT_EQ(t.core_types[1].cpus, list("0-4,10-14"));
  EXPECT_EQ(t.core_types[1].max_freq_khz, 2808000u);
  EXPECT_EQ(t.model, "10x Cortex-X925 + 10x Cortex-A725");

  // Cluster ids 56 and 1144 become cluster 0 and 1.
  EXPECT_EQ(t.clusters, (std::vector<CpuSet>{list("0-9"), list("10-19")}));
  for (const auto& cluster : t.clusters) {
    EXPECT_EQ((cluster & t.core_types[0].cpus).size(), 5u);
    EXPECT_EQ((cluster & t.core_types[1].cpus).size(), 5u);
  }
  ASSERT_EQ(t.l3.size(), 2u);
  EXPECT_EQ(t.l3[0].cpus, list("0-9"));
  EXPECT_EQ(t.l3[0].size_bytes, 8u << 20);
  EXPECT_EQ(t.l3[1].cpus, list("10-19"));
  EXPECT_EQ(t.l3[1].size_bytes, 16u << 20);
  ASSERT_EQ(t.l2.size(), 20u);
  EXPECT_EQ(t.l2[0].size_bytes, 512u << 10);   // A725
  EXPECT_EQ(t.l2[5].size_bytes, 2048u << 10);  // X925
  EXPECT_EQ(t.cpu(19).capacity, 1024);
  EXPECT_EQ(t.cpu(0).capacity, 718);
  EXPECT_EQ(t.cpu(12).cluster, 1);
  EXPECT_EQ(t.cpu(12).core_type, 1);
  EXPECT_NE(std::find(t.features.begin(), t.features.end(), "sve2"), t.features.end());
  EXPECT_EQ(t.memory_bytes, 125508468ull * 1024);
}

TEST(Topology, I7HybridHasPAndECores) {
  const Topology t = load("intel-i7-1370p-hybrid");
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_EQ(t.architecture, "x86_64");
  EXPECT_EQ(t.vendor, "GenuineIntel");
  EXPECT_EQ(t.model, "13th Gen Intel(R) Core(TM) i7-1370P");
  EXPECT_EQ(t.online.size(), 20u);
  EXPECT_TRUE(t.smt);
  EXPECT_EQ(t.cores.size(), 14u);
  ASSERT_EQ(t.core_types.size(), 2u);
  EXPECT_EQ(t.core_types[0].id, "p");
  EXPECT_EQ(t.core_types[0].name, "P-core");
  EXPECT_EQ(t.core_types[0].cpus, list("0-11"));
  EXPECT_EQ(t.core_types[0].cores, 6);
  // Two favoured P-cores turbo to 5.2 GHz, the rest to 5.0: frequency
  // would make three "types" of two designs.
  EXPECT_EQ(t.core_types[0].max_freq_khz, 5200000u);
  EXPECT_EQ(t.cpu(0).max_freq_khz, 5000000u);
  EXPECT_EQ(t.cpu(4).max_freq_khz, 5200000u);
  EXPECT_EQ(t.core_types[1].id, "e");
  EXPECT_EQ(t.core_types[1].cpus, list("12-19"));
  EXPECT_EQ(t.core_types[1].cores, 8);
  EXPECT_EQ(t.core_types[1].max_freq_khz, 3900000u);
  EXPECT_EQ(t.smt_primary(), list("0,2,4,6,8,10,12-19"));
  EXPECT_EQ(t.cores[0], list("0-1"));
  // E-cores come in two clusters of four sharing one L2.
  ASSERT_EQ(t.l2.size(), 8u);
  EXPECT_EQ(t.l2[6].cpus, list("12-15"));
  EXPECT_EQ(t.l2[7].cpus, list("16-19"));
  EXPECT_EQ(t.l2[7].size_bytes, 2048u << 10);
  EXPECT_EQ(t.l2[0].size_bytes, 1280u << 10);
  EXPECT_EQ(t.clusters.size(), 8u);
  EXPECT_EQ(t.clusters[7], list("16-19"));
  EXPECT_EQ(cpus_of(t.l3), std::vector<CpuSet>{list("0-19")});
  EXPECT_EQ(t.l3[0].size_bytes, 24u << 20);
}

TEST(Topology, StrixHaloHasOneCoreTypeAndTwoCcds) {
  const Topology t = load("amd-strix-halo-synthetic");
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_EQ(t.vendor, "AuthenticAMD");
  EXPECT_EQ(t.cpu_family, 26);
  EXPECT_EQ(t.model, "AMD RYZEN AI MAX+ 395 w/ Radeon 8060S");
  EXPECT_EQ(t.online, list("0-31"));
  EXPECT_TRUE(t.smt);
  EXPECT_EQ(t.cores.size(), 16u);
  EXPECT_EQ(t.cores[0], list("0,16"));  // siblings are N and N+16
  ASSERT_EQ(t.core_types.size(), 1u);   // differing CPPC ranks do not split Zen 5
  EXPECT_EQ(t.core_types[0].id, "zen5");
  EXPECT_EQ(t.core_types[0].cores, 16);
  EXPECT_EQ(t.core_types[0].max_freq_khz, 5187500u);
  EXPECT_EQ(cpus_of(t.l3), (std::vector<CpuSet>{list("0-7,16-23"), list("8-15,24-31")}));
  EXPECT_EQ(t.l3[1].size_bytes, 32u << 20);
  EXPECT_EQ(t.smt_primary(), list("0-15"));
  EXPECT_NE(std::find(t.features.begin(), t.features.end(), "avx512f"), t.features.end());
}

TEST(Topology, ThisMachineDump) {
  const Topology t = load("this-machine-xeon-2cpu");
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_EQ(t.model, "Intel(R) Xeon(R) Processor");
  EXPECT_EQ(t.online, list("0-1"));
  EXPECT_FALSE(t.smt);
  ASSERT_EQ(t.core_types.size(), 1u);
  EXPECT_EQ(t.core_types[0].id, "x86");
  EXPECT_EQ(t.core_types[0].max_freq_khz, 0u);  // no cpufreq in this VM
  EXPECT_EQ(t.clusters, (std::vector<CpuSet>{list("0"), list("1")}));
  EXPECT_EQ(cpus_of(t.l3), std::vector<CpuSet>{list("0-1")});
  EXPECT_EQ(t.l3[0].size_bytes, 266240ull << 10);
  EXPECT_EQ(t.l2.size(), 2u);
  EXPECT_EQ(t.memory_bytes, 24684096ull * 1024);
}

TEST(Topology, OneCpuMachine) {
  const Topology t = load("one-cpu");
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_EQ(t.online, list("0"));
  EXPECT_EQ(t.cores, std::vector<CpuSet>{list("0")});
  EXPECT_EQ(t.clusters, std::vector<CpuSet>{list("0")});  // no cluster files: the core
  ASSERT_EQ(t.core_types.size(), 1u);
  EXPECT_EQ(t.core_types[0].cpus, list("0"));
  EXPECT_EQ(t.smt_primary(), list("0"));
}

TEST(Topology, OfflineCpuIsLeftOutAndThreeArmTypesRanked) {
  const Topology t = load("arm-offline-cpu");
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_EQ(t.online, list("0-5,7"));
  EXPECT_EQ(t.cpus.size(), 7u);
  EXPECT_THROW((void)t.cpu(6), std::out_of_range);
  ASSERT_EQ(t.core_types.size(), 3u);
  EXPECT_EQ(t.core_types[0].id, "x4");
  EXPECT_EQ(t.core_types[0].cpus, list("7"));
  EXPECT_EQ(t.core_types[1].id, "a720");
  EXPECT_EQ(t.core_types[1].cpus, list("4-5"));
  EXPECT_EQ(t.core_types[2].id, "a520");
  EXPECT_EQ(t.core_types[2].cpus, list("0-3"));
  EXPECT_EQ(t.model, "1x Cortex-X4 + 2x Cortex-A720 + 4x Cortex-A520");
  EXPECT_EQ(cpus_of(t.l3), std::vector<CpuSet>{list("0-5,7")});
}

TEST(Topology, GarbageDegradesWithWarnings) {
  const Topology t = load("garbage");
  EXPECT_EQ(t.online, list("0-3"));  // from the cpuN directories
  EXPECT_EQ(t.cores.size(), 4u);
  EXPECT_EQ(t.model, "Garbled CPU");
  EXPECT_EQ(t.memory_bytes, 0u);
  EXPECT_EQ(t.cpu_family, -1);
  ASSERT_EQ(t.core_types.size(), 1u);  // half-read cache sizes split nothing
  EXPECT_EQ(t.numa_nodes, std::vector<CpuSet>{list("0-3")});
  EXPECT_EQ(t.cpu(0).max_freq_khz, 0u);
  for (const char* part :
       {"cpu/online unreadable", "thread_siblings_list", "core_cpus_list", "index2/size",
        "cpuinfo_max_freq", "physical_package_id", "index3/shared_cpu_list", "cpu3: no topology",
        "cpu family", "node0/cpulist", "core types not told apart"}) {
    EXPECT_TRUE(has_warning(t, part)) << part;
  }
  // A garbled file is named with a printable excerpt of its content.
  EXPECT_TRUE(has_warning(t, "'fast'"));
}

TEST(Topology, IntelHybridPmuListsTellPFromE) {
  const Topology t = load("intel-hybrid-pmu");
  ASSERT_EQ(t.core_types.size(), 2u);
  EXPECT_EQ(t.core_types[0].id, "p");
  EXPECT_EQ(t.core_types[0].cpus, list("0-3"));
  EXPECT_EQ(t.core_types[0].cores, 2);
  EXPECT_EQ(t.core_types[1].id, "e");
  EXPECT_EQ(t.core_types[1].cpus, list("4-5"));
}

TEST(Topology, CpuinfoOnlyStillGivesCpus) {
  const Topology t = load("cpuinfo-only");
  EXPECT_EQ(t.online, list("0-2"));
  EXPECT_EQ(t.cores.size(), 3u);
  EXPECT_TRUE(has_warning(t, "online unreadable"));
}

TEST(Topology, NotAMachineIsAnError) {
  EXPECT_THROW(detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/no-such-dump"),
               std::invalid_argument);
}

TEST(Topology, ThisMachineLive) {
  const Topology t = detect_topology();
  EXPECT_FALSE(t.online.empty());
  EXPECT_FALSE(t.core_types.empty());
  std::size_t typed = 0;
  for (const auto& type : t.core_types) typed += type.cpus.size();
  EXPECT_EQ(typed, t.online.size());
}

TEST(ArmCoreDesigns, PartNumbersFromTheTrms) {
  const std::pair<unsigned, const char*> expected[] = {
      {0xd85, "Cortex-X925"}, {0xd87, "Cortex-A725"}, {0xd82, "Cortex-X4"},
      {0xd81, "Cortex-A720"}, {0xd80, "Cortex-A520"}, {0xd4f, "Neoverse V2"},
      {0xd49, "Neoverse N2"}, {0xd40, "Neoverse V1"}, {0xd0c, "Neoverse N1"}};
  for (const auto& [part, name] : expected) {
    const auto* design = find_arm_core_design(0x41, part);
    ASSERT_NE(design, nullptr) << name;
    EXPECT_STREQ(design->name, name);
  }
  EXPECT_EQ(find_arm_core_design(0x51, 0xd85), nullptr);  // another implementer
}

}  // namespace
}  // namespace corebench
