// Topology detection against dumps of real machines (tests/fixtures/sysfs,
// see its README) and synthetic ones; the expected answers are the ones the
// fixtures' README states for each machine.
#include "runner/machine/topology.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "runner/machine/core_types.h"
#include "runner/machine/cpuid_caches.h"
#include "runner/machine/sysfs.h"

namespace corebench {
namespace {

Topology load(const std::string& name) {
  return detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + name);
}

CpuSet list(const char* text) {
  return CpuSet::parse_list(text);
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
  EXPECT_EQ(t.sets_of(DomainKind::Core).size(), 20u);
  EXPECT_EQ(t.sets_of(DomainKind::Package), std::vector<CpuSet>{list("0-19")});
  EXPECT_EQ(t.sets_of(DomainKind::Numa), std::vector<CpuSet>{list("0-19")});

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
  EXPECT_EQ(t.sets_of(DomainKind::Cluster), (std::vector<CpuSet>{list("0-9"), list("10-19")}));
  for (const auto& cluster : t.sets_of(DomainKind::Cluster)) {
    EXPECT_EQ((cluster & t.core_types[0].cpus).size(), 5u);
    EXPECT_EQ((cluster & t.core_types[1].cpus).size(), 5u);
  }
  ASSERT_EQ(t.domains_of(DomainKind::L3).size(), 2u);
  EXPECT_EQ(t.domains_of(DomainKind::L3)[0].cpus, list("0-9"));
  EXPECT_EQ(t.domains_of(DomainKind::L3)[0].size_bytes, 8u << 20);
  EXPECT_EQ(t.domains_of(DomainKind::L3)[1].cpus, list("10-19"));
  EXPECT_EQ(t.domains_of(DomainKind::L3)[1].size_bytes, 16u << 20);
  ASSERT_EQ(t.domains_of(DomainKind::L2).size(), 20u);
  EXPECT_EQ(t.domains_of(DomainKind::L2)[0].size_bytes, 512u << 10);   // A725
  EXPECT_EQ(t.domains_of(DomainKind::L2)[5].size_bytes, 2048u << 10);  // X925
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
  EXPECT_EQ(t.sets_of(DomainKind::Core).size(), 14u);
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
  EXPECT_EQ(t.sets_of(DomainKind::Core)[0], list("0-1"));
  // E-cores come in two clusters of four sharing one L2.
  ASSERT_EQ(t.domains_of(DomainKind::L2).size(), 8u);
  EXPECT_EQ(t.domains_of(DomainKind::L2)[6].cpus, list("12-15"));
  EXPECT_EQ(t.domains_of(DomainKind::L2)[7].cpus, list("16-19"));
  EXPECT_EQ(t.domains_of(DomainKind::L2)[7].size_bytes, 2048u << 10);
  EXPECT_EQ(t.domains_of(DomainKind::L2)[0].size_bytes, 1280u << 10);
  EXPECT_EQ(t.sets_of(DomainKind::Cluster).size(), 8u);
  EXPECT_EQ(t.sets_of(DomainKind::Cluster)[7], list("16-19"));
  EXPECT_EQ(t.sets_of(DomainKind::L3), std::vector<CpuSet>{list("0-19")});
  EXPECT_EQ(t.domains_of(DomainKind::L3)[0].size_bytes, 24u << 20);
}

TEST(Topology, StrixHaloHasOneCoreTypeAndTwoCcds) {
  const Topology t = load("amd-strix-halo-synthetic");
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_EQ(t.vendor, "AuthenticAMD");
  EXPECT_EQ(t.cpu_family, 26);
  EXPECT_EQ(t.model, "AMD RYZEN AI MAX+ 395 w/ Radeon 8060S");
  EXPECT_EQ(t.online, list("0-31"));
  EXPECT_TRUE(t.smt);
  EXPECT_EQ(t.sets_of(DomainKind::Core).size(), 16u);
  EXPECT_EQ(t.sets_of(DomainKind::Core)[0], list("0,16"));  // siblings are N and N+16
  ASSERT_EQ(t.core_types.size(), 1u);  // differing CPPC ranks do not split Zen 5
  EXPECT_EQ(t.core_types[0].id, "zen5");
  EXPECT_EQ(t.core_types[0].cores, 16);
  EXPECT_EQ(t.core_types[0].max_freq_khz, 5187500u);
  EXPECT_EQ(t.sets_of(DomainKind::L3),
            (std::vector<CpuSet>{list("0-7,16-23"), list("8-15,24-31")}));
  EXPECT_EQ(t.domains_of(DomainKind::L3)[1].size_bytes, 32u << 20);
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
  EXPECT_EQ(t.sets_of(DomainKind::Cluster), (std::vector<CpuSet>{list("0"), list("1")}));
  EXPECT_EQ(t.sets_of(DomainKind::L3), std::vector<CpuSet>{list("0-1")});
  EXPECT_EQ(t.domains_of(DomainKind::L3)[0].size_bytes, 266240ull << 10);
  EXPECT_EQ(t.domains_of(DomainKind::L2).size(), 2u);
  EXPECT_EQ(t.memory_bytes, 24684096ull * 1024);
}

TEST(Topology, OneCpuMachine) {
  const Topology t = load("one-cpu");
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_EQ(t.online, list("0"));
  EXPECT_EQ(t.sets_of(DomainKind::Core), std::vector<CpuSet>{list("0")});
  EXPECT_EQ(t.sets_of(DomainKind::Cluster),
            std::vector<CpuSet>{list("0")});  // no cluster files: the core
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
  EXPECT_EQ(t.sets_of(DomainKind::L3), std::vector<CpuSet>{list("0-5,7")});
}

TEST(Topology, GarbageDegradesWithWarnings) {
  const Topology t = load("garbage");
  EXPECT_EQ(t.online, list("0-3"));  // from the cpuN directories
  EXPECT_EQ(t.sets_of(DomainKind::Core).size(), 4u);
  EXPECT_EQ(t.model, "Garbled CPU");
  EXPECT_EQ(t.memory_bytes, 0u);
  EXPECT_EQ(t.cpu_family, -1);
  ASSERT_EQ(t.core_types.size(), 1u);  // half-read cache sizes split nothing
  EXPECT_EQ(t.sets_of(DomainKind::Numa), std::vector<CpuSet>{list("0-3")});
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
  EXPECT_EQ(t.sets_of(DomainKind::Core).size(), 3u);
  EXPECT_TRUE(has_warning(t, "online unreadable"));
}

// A 2-vCPU AMD EPYC (Zen 5) VM whose sysfs has no cache directories and no
// cpufreq, and whose kernel hides LZCNT: one core type, nothing ambiguous.
TEST(Topology, Zen5VmWithoutCachesInSysfsIsOneType) {
  const Topology t = load("amd-zen5-vm-2cpu");
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_TRUE(t.core_types_uncertain.empty());
  EXPECT_EQ(t.vendor, "AuthenticAMD");
  EXPECT_EQ(t.cpu_family, 26);
  EXPECT_EQ(t.online, list("0-1"));
  EXPECT_EQ(t.sets_of(DomainKind::Core).size(), 2u);
  EXPECT_FALSE(t.smt);
  ASSERT_EQ(t.core_types.size(), 1u);
  EXPECT_EQ(t.core_types[0].id, "zen5");
  EXPECT_EQ(t.core_types[0].cores, 2);
  EXPECT_EQ(t.core_types[0].cpus, list("0-1"));
  EXPECT_EQ(t.core_types[0].max_freq_khz, 0u);
  // A dump carries no CPUID answers: its caches stay unknown.
  EXPECT_TRUE(t.domains_of(DomainKind::L2).empty());
  EXPECT_TRUE(t.domains_of(DomainKind::L3).empty());
}

// That VM's CPUID answers (each vCPU the same but for its APIC id), as
// recorded on it: leaf 4 and 0x8000001D empty, AMD's legacy leaves set.
CpuidRegs zen5_vm_cpuid(std::uint32_t apic_id, std::uint32_t leaf, std::uint32_t) {
  switch (leaf) {
    case 0: return {0xd, 0x68747541, 0x444d4163, 0x69746e65};
    case 1: return {0x00b00f21, (apic_id << 24) | 0x0800, 0xfed83203, 0x178bfbff};
    case 0x80000000: return {0x80000021, 0, 0, 0};
    case 0x80000005: return {0xff60ff40, 0xff60ff40, 0x300c0140, 0x20080140};
    case 0x80000006: return {0x40802040, 0x60804040, 0x04006140, 0x0fe09140};
    default: return {};
  }
}

std::map<int, CpuidCpu> replay(const CpuSet& cpus,
                               CpuidRegs (*answers)(std::uint32_t, std::uint32_t, std::uint32_t)) {
  std::map<int, CpuidCpu> found;
  for (const int cpu : cpus) {
    found[cpu] = decode_cpuid_caches([&](std::uint32_t leaf, std::uint32_t subleaf) {
      return answers(static_cast<std::uint32_t>(cpu), leaf, subleaf);
    });
  }
  return found;
}

TEST(CpuidCaches, AmdLegacyLeavesGiveSizesWithoutSharing) {
  const CpuidCpu cpu = decode_cpuid_caches(
      [](std::uint32_t leaf, std::uint32_t subleaf) { return zen5_vm_cpuid(1, leaf, subleaf); });
  EXPECT_EQ(cpu.apic_id, 1u);
  ASSERT_EQ(cpu.caches.size(), 4u);
  const std::uint64_t expected[] = {48 << 10, 32 << 10, 1 << 20, 1016ull * 512 << 10};
  const int levels[] = {1, 1, 2, 3};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(cpu.caches[i].level, levels[i]) << i;
    EXPECT_EQ(cpu.caches[i].size_bytes, expected[i]) << i;
    EXPECT_EQ(cpu.caches[i].sharing_ids, 0u) << i;
  }
  EXPECT_EQ(cpu.caches[1].kind, CacheKind::instruction);
}

// Leaf 4 as the Intel SDM lays it out, for a core with SMT: L1d 48 KiB
// (12 ways x 64 sets x 64 B), L1i 32 KiB, L2 2 MiB (16 x 2048 x 64) per core
// (2 APIC ids), L3 30 MiB (15 x 32768 x 64) for 64 APIC ids.
CpuidRegs intel_leaf4(std::uint32_t apic_id, std::uint32_t leaf, std::uint32_t subleaf) {
  auto cache = [](std::uint32_t type, std::uint32_t level, std::uint32_t sharing,
                  std::uint32_t ways, std::uint32_t sets) {
    return CpuidRegs{type | level << 5 | (sharing - 1) << 14, 63 | (ways - 1) << 22, sets - 1, 0};
  };
  if (leaf == 0) return {0x20, 0, 0, 0};
  if (leaf == 0xb) return {1, 2, 0x100, apic_id};
  if (leaf != 4) return {};
  switch (subleaf) {
    case 0: return cache(1, 1, 2, 12, 64);
    case 1: return cache(2, 1, 2, 8, 64);
    case 2: return cache(3, 2, 2, 16, 2048);
    case 3: return cache(3, 3, 64, 15, 32768);
    default: return {};
  }
}

TEST(CpuidCaches, IntelLeaf4GivesSizesAndSharing) {
  const CpuidCpu cpu = decode_cpuid_caches(
      [](std::uint32_t leaf, std::uint32_t subleaf) { return intel_leaf4(5, leaf, subleaf); });
  EXPECT_EQ(cpu.apic_id, 5u);
  ASSERT_EQ(cpu.caches.size(), 4u);
  EXPECT_EQ(cpu.caches[0].size_bytes, 48u << 10);
  EXPECT_EQ(cpu.caches[0].kind, CacheKind::data);
  EXPECT_EQ(cpu.caches[1].size_bytes, 32u << 10);
  EXPECT_EQ(cpu.caches[2].size_bytes, 2u << 20);
  EXPECT_EQ(cpu.caches[2].sharing_ids, 2u);
  EXPECT_EQ(cpu.caches[3].size_bytes, 30u << 20);
  EXPECT_EQ(cpu.caches[3].sharing_ids, 64u);
}

TEST(Topology, CachesFromCpuidWhereSysfsHasNone) {
  const std::string root = std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/amd-zen5-vm-2cpu";
  const Topology t =
      detect_topology(root, [](const CpuSet& cpus) { return replay(cpus, zen5_vm_cpuid); });
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  ASSERT_EQ(t.core_types.size(), 1u);
  ASSERT_EQ(t.domains_of(DomainKind::L2).size(),
            2u);  // AMD's L2 is per core; the legacy leaf does not say so
  EXPECT_EQ(t.domains_of(DomainKind::L2)[0].cpus, list("0"));
  EXPECT_EQ(t.domains_of(DomainKind::L2)[0].size_bytes, 1u << 20);
  EXPECT_EQ(t.domains_of(DomainKind::L2)[0].source, "cpuid");
  EXPECT_TRUE(t.domains_of(DomainKind::L2)[0].sharing_assumed);
  ASSERT_EQ(t.domains_of(DomainKind::L3).size(), 1u);
  EXPECT_EQ(t.domains_of(DomainKind::L3)[0].cpus, list("0-1"));
  EXPECT_EQ(t.domains_of(DomainKind::L3)[0].size_bytes, 1016ull * 512 * 1024);
  EXPECT_TRUE(t.domains_of(DomainKind::L3)[0].sharing_assumed);
}

TEST(Topology, CpuidSharingFollowsApicIds) {
  const std::string root = std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/amd-zen5-vm-2cpu";
  // APIC ids 0 and 1 under an L2 for 2 ids: one L2 for both CPUs.
  const Topology t =
      detect_topology(root, [](const CpuSet& cpus) { return replay(cpus, intel_leaf4); });
  ASSERT_EQ(t.domains_of(DomainKind::L2).size(), 1u);
  EXPECT_EQ(t.domains_of(DomainKind::L2)[0].cpus, list("0-1"));
  EXPECT_FALSE(t.domains_of(DomainKind::L2)[0].sharing_assumed);
  ASSERT_EQ(t.domains_of(DomainKind::L3).size(), 1u);
  EXPECT_EQ(t.domains_of(DomainKind::L3)[0].size_bytes, 30u << 20);
}

TEST(Topology, CpuidLayoutsTellCoreDesignsApart) {
  const std::string root = std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/amd-zen5-vm-2cpu";
  const Topology t = detect_topology(root, [](const CpuSet& cpus) {
    auto found = replay(cpus, zen5_vm_cpuid);
    found[1].caches[2].size_bytes = 2u << 20;  // a second design with a larger L2
    return found;
  });
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front();
  EXPECT_EQ(t.core_types.size(), 2u);
}

// Where neither sysfs nor CPUID gives the caches and cpuinfo does not show
// one design, the core types are in doubt, and a run is told.
TEST(Topology, UnreadableCachesOnAHybridCpuAreInDoubt) {
  const auto dump =
      std::filesystem::temp_directory_path() / ("corebench-topology-" + std::to_string(getpid()));
  std::filesystem::remove_all(dump);
  std::filesystem::copy(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/amd-zen5-vm-2cpu", dump,
                        std::filesystem::copy_options::recursive);
  std::string cpuinfo = read_text((dump / "proc/cpuinfo").string()).value();
  for (std::size_t at = 0; (at = cpuinfo.find("\nflags\t\t: ", at)) != std::string::npos; ++at)
    cpuinfo.insert(at + 10, "hybrid_cpu ");
  std::ofstream(dump / "proc/cpuinfo") << cpuinfo;
  const Topology t = detect_topology(dump.string());
  std::filesystem::remove_all(dump);
  EXPECT_TRUE(has_warning(t, "core types not told apart"));
  EXPECT_NE(t.core_types_uncertain.find("CPUs 0-1"), std::string::npos) << t.core_types_uncertain;
}

TEST(Topology, NotAMachineIsAnError) {
  EXPECT_THROW(detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/no-such-dump"),
               std::invalid_argument);
}

// Only what holds on any x86-64 or aarch64 Linux machine, bare metal or VM,
// with or without caches and cpufreq in sysfs.
TEST(Topology, ThisMachineLive) {
  const Topology t = detect_topology();
  EXPECT_FALSE(t.online.empty());
  EXPECT_FALSE(t.core_types.empty());
  std::size_t typed = 0;
  for (const auto& type : t.core_types) typed += type.cpus.size();
  EXPECT_EQ(typed, t.online.size());
  // Every kind but the caches partitions the online CPUs.
  for (const DomainKind kind :
       {DomainKind::Package, DomainKind::Core, DomainKind::Cluster, DomainKind::Numa}) {
    CpuSet all;
    for (const auto& cpus : t.sets_of(kind)) all = all | cpus;
    EXPECT_EQ(all, t.online) << domain_kind_name(kind);
  }
  for (const DomainKind kind : {DomainKind::L2, DomainKind::L3}) {
    CpuSet seen;
    for (const auto& domain : t.domains_of(kind)) {
      EXPECT_TRUE((domain.cpus - t.online).empty()) << domain.cpus.to_string();
      EXPECT_TRUE((domain.cpus & seen).empty()) << "cache domains overlap";
      seen = seen | domain.cpus;
    }
  }
  if (!t.core_types_uncertain.empty()) {
    EXPECT_TRUE(has_warning(t, t.core_types_uncertain));
  }
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
