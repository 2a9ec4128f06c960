// What the machine is made of, read from /proc and /sys/devices/system under
// a root directory, so that a dump of another machine (tests/fixtures/sysfs)
// reads exactly like that machine.
//
// Detection never throws for a file that is missing or unreadable: it falls
// back to something smaller and says so in Topology::warnings.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runner/machine/cpuid_caches.h"
#include "runner/machine/cpuset.h"

namespace corebench {

// One core design (Cortex-X925, Intel P-core, Zen 5). Types are ranked:
// Topology::core_types[0] is the fastest.
struct CoreType {
  std::string id;    // what CPU-set expressions call it: "x925", "p", "zen5"
  std::string name;  // for people: "Cortex-X925", "P-core"
  CpuSet cpus;
  int cores = 0;                   // physical cores (SMT threads counted once)
  std::uint64_t max_freq_khz = 0;  // highest cpuinfo_max_freq among its CPUs, 0 if unknown
};

// What CPUs of a domain share. Every kind partitions the online CPUs, except
// the caches, which cover the CPUs whose caches could be read.
enum class DomainKind { Package, Core, Cluster, L2, L3, Numa };

// The name CPU-set expressions write a domain of this kind with ("core:3").
const char* domain_kind_name(DomainKind kind);
// The kind of an indexed name ("core", "l2", "l3", "cluster", "node", "package").
std::optional<DomainKind> domain_kind_named(std::string_view name);

// CPUs that share a package, a physical core (its SMT threads), a cluster,
// a cache or a NUMA node. Domains of one kind are numbered by their lowest
// CPU, so "cluster0" holds the lowest CPU whatever the kernel's own ids are.
struct CpuDomain {
  DomainKind kind = DomainKind::Package;
  int index = 0;
  CpuSet cpus;
  // Caches only: the size, and where the facts come from.
  std::uint64_t size_bytes = 0;
  std::string source = "sysfs";  // or "cpuid", where sysfs has no cache directories
  bool sharing_assumed = false;  // CPUID gave the size, not the sharing (AMD's legacy leaves)
};

// Per online CPU; indices point into the Topology's vectors.
struct CpuDetail {
  int id = 0;
  int package = 0;                 // index into Topology::packages
  int core = 0;                    // index into Topology::cores
  int cluster = 0;                 // index into Topology::clusters
  int core_type = 0;               // index into Topology::core_types
  std::uint64_t max_freq_khz = 0;  // 0 if unknown
  int capacity = 0;                // cpu_capacity, 0 if absent
};

struct Topology {
  std::string root;                   // where it was read from
  std::string architecture;           // "x86_64", "aarch64", or "" if unknown
  std::string vendor;                 // "GenuineIntel", "AuthenticAMD", "ARM", ...
  std::string model;                  // "13th Gen Intel(R) Core(TM) i7-1370P"
  int cpu_family = -1;                // x86 only, -1 elsewhere
  std::vector<std::string> features;  // cpuinfo flags / Features
  std::uint64_t memory_bytes = 0;     // MemTotal, 0 if unknown

  CpuSet online;
  // The online CPUs this process may run on (its affinity: taskset, or a
  // container's cpuset), which is what it can pin tests to; all online CPUs
  // for a dump of another machine.
  CpuSet allowed;
  std::vector<CpuDetail> cpus;  // one per online CPU, by id
  // The machine as one list of domains, by kind, then index: what CPU-set
  // expressions, placement and `info` all read.
  std::vector<CpuDomain> domains;
  std::vector<CoreType> core_types;  // fastest first
  bool smt = false;                  // some core has more than one online thread

  std::vector<std::string> warnings;  // what could not be read, and what was assumed
  // Non-empty when core types could not be told apart, so that CPU sets by
  // core type and a profile's defaults may pin the wrong cores: the one
  // detection problem that changes what a run does. It is in `warnings` too.
  std::string core_types_uncertain;

  const CpuDetail& cpu(int id) const;  // throws std::out_of_range if not online
  // The domains of one kind, in index order, and their CPU sets.
  std::vector<CpuDomain> domains_of(DomainKind kind) const;
  std::vector<CpuSet> sets_of(DomainKind kind) const;
  // Domain `index` of `kind`; throws std::out_of_range if there is none.
  const CpuDomain& domain(DomainKind kind, int index) const;
  const CoreType& fastest_type() const { return core_types.front(); }
  const CoreType& slowest_type() const { return core_types.back(); }
  bool hybrid() const { return core_types.size() > 1; }
  // One CPU per core, the lowest-numbered thread of each.
  CpuSet smt_primary() const;
  // CPU -> the name of its core type (the sampler names clocks by it).
  std::map<int, std::string> core_type_names() const;
};

// Asks CPUID of the given CPUs; see probe_cpuid_caches().
using CpuidProbe = std::function<std::map<int, CpuidCpu>(const CpuSet& cpus)>;

// Reads the machine under `root` ("/" for this one). Where a CPU has no
// cache directory, its caches come from `cpuid`, which by default asks this
// machine's CPUs when `root` is "/" and nothing for a dump of another
// machine. Throws std::invalid_argument only when `root` holds neither
// /proc/cpuinfo nor /sys/devices/system/cpu, i.e. is not a machine at all.
Topology detect_topology(const std::string& root = "/", const CpuidProbe& cpuid = {});

}  // namespace corebench
