#include "runner/machine/cpuid_caches.h"

#include <sched.h>

#include <bit>
#include <system_error>
#include <thread>

#include "runner/machine/placement.h"
#include "workloads/common/cpu_mask.h"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace corebench {
namespace {

constexpr std::uint32_t kIntelCacheLeaf = 4;
constexpr std::uint32_t kAmdCacheLeaf = 0x8000001d;
constexpr std::uint32_t kAmdL1Leaf = 0x80000005;
constexpr std::uint32_t kAmdL2L3Leaf = 0x80000006;
constexpr std::uint32_t kX2ApicLeaf = 0xb;
// Deterministic-cache leaves end at the first subleaf of type 0; a broken
// hypervisor that never says so must not loop for ever.
constexpr std::uint32_t kMaxCacheSubleaves = 16;

std::uint32_t bits(std::uint32_t value, int low, int high) {
  return (value >> low) & ((1u << (high - low + 1)) - 1);
}

// Leaf 4 and 0x8000001D share one layout: EAX type, level and sharing,
// EBX line size, partitions and ways, ECX sets.
std::vector<CpuidCache> deterministic_caches(const CpuidQuery& cpuid, std::uint32_t leaf) {
  std::vector<CpuidCache> caches;
  for (std::uint32_t subleaf = 0; subleaf < kMaxCacheSubleaves; ++subleaf) {
    const CpuidRegs r = cpuid(leaf, subleaf);
    const std::uint32_t type = bits(r.eax, 0, 4);
    if (type == 0) break;
    if (type > 3) continue;
    const std::uint64_t line = bits(r.ebx, 0, 11) + 1ull;
    const std::uint64_t partitions = bits(r.ebx, 12, 21) + 1ull;
    const std::uint64_t ways = bits(r.ebx, 22, 31) + 1ull;
    const std::uint64_t sets = r.ecx + 1ull;
    caches.push_back(
        CpuidCache{.level = static_cast<int>(bits(r.eax, 5, 7)),
                   .kind = type == 1 ? CacheKind::data
                                     : (type == 2 ? CacheKind::instruction : CacheKind::unified),
                   .size_bytes = line * partitions * ways * sets,
                   .sharing_ids = std::bit_ceil(bits(r.eax, 14, 25) + 1u)});
  }
  return caches;
}

// AMD's legacy leaves: sizes in KiB (L1, L2) and 512 KiB units (L3).
std::vector<CpuidCache> legacy_amd_caches(const CpuidQuery& cpuid, std::uint32_t max_extended) {
  std::vector<CpuidCache> caches;
  auto add = [&](int level, CacheKind kind, std::uint64_t bytes) {
    if (bytes > 0) caches.push_back(CpuidCache{.level = level, .kind = kind, .size_bytes = bytes});
  };
  if (max_extended >= kAmdL1Leaf) {
    const CpuidRegs l1 = cpuid(kAmdL1Leaf, 0);
    add(1, CacheKind::data, bits(l1.ecx, 24, 31) * 1024ull);
    add(1, CacheKind::instruction, bits(l1.edx, 24, 31) * 1024ull);
  }
  if (max_extended >= kAmdL2L3Leaf) {
    const CpuidRegs l23 = cpuid(kAmdL2L3Leaf, 0);
    add(2, CacheKind::unified, bits(l23.ecx, 16, 31) * 1024ull);
    add(3, CacheKind::unified, bits(l23.edx, 18, 31) * 512ull * 1024ull);
  }
  return caches;
}

std::uint32_t apic_id(const CpuidQuery& cpuid, std::uint32_t max_basic) {
  if (max_basic >= kX2ApicLeaf) {
    const CpuidRegs x2 = cpuid(kX2ApicLeaf, 0);
    if (x2.ebx != 0) return x2.edx;  // EBX 0: the leaf is not implemented
  }
  return bits(cpuid(1, 0).ebx, 24, 31);
}

#if defined(__x86_64__)
CpuidRegs native_cpuid(std::uint32_t leaf, std::uint32_t subleaf) {
  CpuidRegs r;
  __cpuid_count(leaf, subleaf, r.eax, r.ebx, r.ecx, r.edx);
  return r;
}
#endif

}  // namespace

CpuidCpu decode_cpuid_caches(const CpuidQuery& cpuid) {
  CpuidCpu cpu;
  const std::uint32_t max_basic = cpuid(0, 0).eax;
  const std::uint32_t max_extended = cpuid(0x80000000, 0).eax;
  cpu.apic_id = apic_id(cpuid, max_basic);
  if (max_basic >= kIntelCacheLeaf) cpu.caches = deterministic_caches(cpuid, kIntelCacheLeaf);
  if (cpu.caches.empty() && max_extended >= kAmdCacheLeaf)
    cpu.caches = deterministic_caches(cpuid, kAmdCacheLeaf);
  if (cpu.caches.empty()) cpu.caches = legacy_amd_caches(cpuid, max_extended);
  return cpu;
}

std::map<int, CpuidCpu> probe_cpuid_caches([[maybe_unused]] const CpuSet& cpus) {
  std::map<int, CpuidCpu> found;
#if defined(__x86_64__)
  // A thread of its own, so that the caller's affinity is never touched.
  std::thread prober([&] {
    for (const int cpu : cpus) {
      try {
        pin_calling_thread({cpu});
      } catch (const std::system_error&) {
        continue;  // outside this process's allowed CPUs
      }
      if (sched_getcpu() != cpu) continue;
      found[cpu] = decode_cpuid_caches(native_cpuid);
    }
  });
  prober.join();
#endif
  return found;
}

}  // namespace corebench
