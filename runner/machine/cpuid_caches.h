// Cache levels, sizes and sharing as x86 CPUID describes them, for machines
// whose sysfs has no cpu*/cache directories (some hypervisors expose none).
//
// The leaves, from the Intel SDM vol. 2A (CPUID leaf 04H) and AMD's APM
// vol. 3 (CPUID Fn8000_001D, Fn8000_0005, Fn8000_0006): leaf 4 on Intel,
// 0x8000001D on AMD with topology extensions, else AMD's legacy
// 0x80000005/6, which give sizes but not which CPUs share a cache.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "runner/machine/cpuset.h"

namespace corebench {

struct CpuidRegs {
  std::uint32_t eax = 0, ebx = 0, ecx = 0, edx = 0;
};

// One CPU's answer to CPUID(leaf, subleaf).
using CpuidQuery = std::function<CpuidRegs(std::uint32_t leaf, std::uint32_t subleaf)>;

enum class CacheKind { data, instruction, unified };

struct CpuidCache {
  int level = 0;
  CacheKind kind = CacheKind::unified;
  std::uint64_t size_bytes = 0;
  // How many APIC ids share it, rounded up to a power of two as the APIC id
  // bits are; 0 when the leaf does not say (AMD's legacy leaves).
  std::uint32_t sharing_ids = 0;
};

struct CpuidCpu {
  std::uint32_t apic_id = 0;
  std::vector<CpuidCache> caches;  // empty when CPUID describes none
};

// What one CPU's CPUID answers say of its caches and APIC id.
CpuidCpu decode_cpuid_caches(const CpuidQuery& cpuid);

// Asks each CPU of `cpus` (a helper thread pinned to it in turn). CPUs it
// cannot run on, and every CPU off x86, are left out.
std::map<int, CpuidCpu> probe_cpuid_caches(const CpuSet& cpus);

}  // namespace corebench
