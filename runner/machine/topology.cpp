#include "runner/machine/topology.h"

#include <algorithm>
#include <bit>
#include <filesystem>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>

#include "runner/machine/core_types.h"
#include "runner/machine/cpuinfo.h"
#include "runner/machine/sysfs_reader.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

const std::string kCpuDir = "sys/devices/system/cpu/";

// What one online CPU's own files say, before the CPUs are put together.
struct CpuFiles {
  int package = 0;
  std::optional<CpuSet> siblings;
  std::optional<CpuSet> cluster;
  std::optional<CpuDomain> l2;
  std::optional<CpuDomain> l3;
  bool cache_dir = false;  // sysfs describes its caches
  CoreSignals signals;
};

std::string cpu_path(int cpu, const std::string& file) {
  return kCpuDir + "cpu" + std::to_string(cpu) + "/" + file;
}

// Online CPUs: the kernel's list, else the cpuN directories not marked
// offline, else cpuinfo's processors, else one CPU.
CpuSet read_online(const SysfsReader& fs, const Cpuinfo& cpuinfo,
                   std::vector<std::string>& warnings) {
  if (auto online = fs.cpu_list(kCpuDir + "online"); online && !online->empty()) return *online;
  std::vector<int> ids;
  for (const auto& name : fs.list_dir(kCpuDir)) {
    if (name.size() < 4 || name.compare(0, 3, "cpu") != 0 ||
        name.find_first_not_of("0123456789", 3) != std::string::npos) {
      continue;
    }
    const int cpu = std::stoi(name.substr(3));
    if (fs.number(cpu_path(cpu, "online")).value_or(1) != 0) ids.push_back(cpu);
  }
  if (ids.empty()) ids = cpuinfo.processors();
  if (ids.empty()) ids.push_back(0);
  CpuSet online(std::move(ids));
  warnings.push_back(kCpuDir + "online unreadable: assumed CPUs " + online.to_string() +
                     " are online");
  return online;
}

// cpuinfo_max_freq per CPU, from the cpufreq policies (per-CPU cpufreq
// directories are links to these) or from a per-CPU directory.
std::map<int, std::uint64_t> read_max_freqs(const SysfsReader& fs, const CpuSet& online) {
  std::map<int, std::uint64_t> freqs;
  for (const auto& policy : fs.list_dir(kCpuDir + "cpufreq")) {
    if (policy.compare(0, 6, "policy") != 0) continue;
    const std::string dir = kCpuDir + "cpufreq/" + policy + "/";
    const auto cpus = fs.cpu_list(dir + "related_cpus");
    const auto khz = fs.number(dir + "cpuinfo_max_freq");
    if (!cpus || !khz) continue;
    for (const int cpu : *cpus) freqs[cpu] = *khz;
  }
  for (const int cpu : online) {
    if (freqs.count(cpu)) continue;
    if (const auto khz = fs.number(cpu_path(cpu, "cpufreq/cpuinfo_max_freq"))) freqs[cpu] = *khz;
  }
  return freqs;
}

std::string size_text(std::uint64_t bytes) {
  return std::to_string(bytes / 1024) + "K";
}

std::string cache_layout(std::uint64_t l1d, std::uint64_t l1i, std::uint64_t l2) {
  return size_text(l1d) + "/" + size_text(l1i) + "/" + size_text(l2);
}

// L2 and L3 domains, and the per-core cache layout (L1d/L1i/L2) that tells
// x86 core designs apart.
void read_caches(const SysfsReader& fs, int cpu, CpuFiles& files) {
  std::optional<std::uint64_t> l1d, l1i, l2;
  for (const auto& index : fs.list_dir(cpu_path(cpu, "cache"))) {
    if (index.compare(0, 5, "index") != 0) continue;
    files.cache_dir = true;
    const std::string dir = "cache/" + index + "/";
    const auto level = fs.number(cpu_path(cpu, dir + "level"));
    const auto type = fs.text(cpu_path(cpu, dir + "type")).value_or("");
    const auto size = fs.size(cpu_path(cpu, dir + "size"));
    if (!level) continue;
    if (*level == 1) (type == "Instruction" ? l1i : l1d) = size;
    if (*level < 2 || type == "Instruction") continue;
    if (*level == 2) l2 = size;
    const auto shared = fs.cpu_list(cpu_path(cpu, dir + "shared_cpu_list"));
    if (!shared) continue;
    auto& domain = *level == 2 ? files.l2 : files.l3;
    if (*level <= 3) domain = CpuDomain{.cpus = *shared, .size_bytes = size.value_or(0)};
  }
  if (l1d && l1i && l2) files.signals.cache_layout = cache_layout(*l1d, *l1i, *l2);
}

// The CPUs whose APIC ids agree with `cpu`'s above the bits that number the
// `sharing_ids` sharers of one cache.
CpuSet apic_sharers(int cpu, std::uint32_t sharing_ids, const std::map<int, CpuidCpu>& cpuid) {
  const int shift = std::countr_zero(sharing_ids);
  std::vector<int> sharers;
  for (const auto& [other, facts] : cpuid) {
    if ((facts.apic_id >> shift) == (cpuid.at(cpu).apic_id >> shift)) sharers.push_back(other);
  }
  return CpuSet(std::move(sharers));
}

// For the CPUs sysfs says nothing of: their caches as CPUID tells them.
// Where it gives no sharing (AMD's legacy leaves), an L2 is taken as the
// core's own and an L3 as the package's.
void read_cpuid_caches(const std::map<int, CpuidCpu>& cpuid, const std::map<int, CpuSet>& cores,
                       const std::map<int, CpuSet>& packages, std::map<int, CpuFiles>& files) {
  for (auto& [cpu, own] : files) {
    const auto facts = cpuid.find(cpu);
    if (own.cache_dir || facts == cpuid.end()) continue;
    std::uint64_t l1d = 0, l1i = 0, l2 = 0;
    for (const auto& cache : facts->second.caches) {
      if (cache.level == 1) (cache.kind == CacheKind::instruction ? l1i : l1d) = cache.size_bytes;
      if (cache.level < 2 || cache.level > 3 || cache.kind == CacheKind::instruction) continue;
      if (cache.level == 2) l2 = cache.size_bytes;
      const bool assumed = cache.sharing_ids == 0;
      const CpuSet sharers = !assumed           ? apic_sharers(cpu, cache.sharing_ids, cpuid)
                             : cache.level == 2 ? cores.at(cpu)
                                                : packages.at(cpu);
      (cache.level == 2 ? own.l2 : own.l3) = CpuDomain{.cpus = sharers,
                                                       .size_bytes = cache.size_bytes,
                                                       .source = "cpuid",
                                                       .sharing_assumed = assumed};
    }
    if (l1d && l1i && l2) own.signals.cache_layout = cache_layout(l1d, l1i, l2);
  }
}

std::optional<CoreSignals::ArmPart> arm_part(const SysfsReader& fs, const Cpuinfo& cpuinfo,
                                             int cpu) {
  const auto* implementer = cpuinfo.field(cpu, "CPU implementer");
  const auto* part = cpuinfo.field(cpu, "CPU part");
  if (implementer && part) {
    try {
      return CoreSignals::ArmPart{static_cast<unsigned>(std::stoul(*implementer, nullptr, 0)),
                                  static_cast<unsigned>(std::stoul(*part, nullptr, 0))};
    } catch (const std::exception&) {
      // Garbled cpuinfo: the MIDR below may still tell.
    }
  }
  if (const auto midr = fs.number(cpu_path(cpu, "regs/identification/midr_el1"))) {
    return CoreSignals::ArmPart{static_cast<unsigned>((*midr >> 24) & 0xff),
                                static_cast<unsigned>((*midr >> 4) & 0xfff)};
  }
  return std::nullopt;
}

CpuFiles read_cpu(const SysfsReader& fs, const Cpuinfo& cpuinfo, int cpu,
                  std::vector<std::string>& warnings) {
  CpuFiles files;
  if (!fs.exists(cpu_path(cpu, "topology"))) {
    warnings.push_back("cpu" + std::to_string(cpu) +
                       ": no topology directory, assumed a core of its own");
  }
  files.package = static_cast<int>(std::max<std::int64_t>(
      0, fs.integer(cpu_path(cpu, "topology/physical_package_id")).value_or(0)));
  files.siblings = fs.cpu_list(cpu_path(cpu, "topology/thread_siblings_list"));
  if (!files.siblings) files.siblings = fs.cpu_list(cpu_path(cpu, "topology/core_cpus_list"));
  files.cluster = fs.cpu_list(cpu_path(cpu, "topology/cluster_cpus_list"));
  read_caches(fs, cpu, files);
  files.signals.arm = arm_part(fs, cpuinfo, cpu);
  files.signals.capacity = static_cast<int>(fs.number(cpu_path(cpu, "cpu_capacity")).value_or(0));
  files.signals.highest_perf = fs.number(cpu_path(cpu, "acpi_cppc/highest_perf")).value_or(0);
  return files;
}

// Splits `cpus` into domains, each CPU's domain taken from its own view
// (its shared_cpu_list etc.). Walking CPUs in order and never reassigning
// one gives every CPU exactly one domain even when the files contradict
// each other, and orders the domains by their lowest CPU.
std::vector<CpuSet> partition(const CpuSet& cpus, const std::map<int, CpuSet>& view) {
  std::vector<CpuSet> domains;
  CpuSet assigned;
  for (const int cpu : cpus) {
    if (assigned.contains(cpu)) continue;
    const auto own = view.find(cpu);
    CpuSet domain = CpuSet({cpu});
    if (own != view.end()) domain = domain | ((own->second & cpus) - assigned);
    assigned = assigned | domain;
    domains.push_back(domain);
  }
  return domains;
}

int index_of(const std::vector<CpuSet>& domains, int cpu) {
  for (std::size_t i = 0; i < domains.size(); ++i) {
    if (domains[i].contains(cpu)) return static_cast<int>(i);
  }
  return 0;
}

std::vector<CpuDomain> cache_domains(const CpuSet& online, const std::map<int, CpuFiles>& files,
                                     std::optional<CpuDomain> CpuFiles::*level) {
  std::map<int, CpuSet> view;
  std::vector<int> with_cache;
  for (const auto& [cpu, own] : files) {
    if (!(own.*level)) continue;
    view[cpu] = (own.*level)->cpus;
    with_cache.push_back(cpu);
  }
  std::vector<CpuDomain> domains;
  for (auto& cpus : partition(CpuSet(with_cache) & online, view)) {
    CpuDomain domain = *(files.at(cpus.first()).*level);
    domain.cpus = cpus;
    domains.push_back(std::move(domain));
  }
  return domains;
}

std::vector<CpuDomain> as_domains(const std::vector<CpuSet>& sets) {
  std::vector<CpuDomain> domains;
  for (const auto& cpus : sets) domains.push_back(CpuDomain{.cpus = cpus});
  return domains;
}

void add_domains(Topology& topology, DomainKind kind, std::vector<CpuDomain> domains) {
  for (std::size_t i = 0; i < domains.size(); ++i) {
    domains[i].kind = kind;
    domains[i].index = static_cast<int>(i);
    topology.domains.push_back(std::move(domains[i]));
  }
}

std::vector<CpuSet> read_numa_nodes(const SysfsReader& fs, const CpuSet& online) {
  std::map<int, CpuSet> view;
  for (const auto& node : fs.list_dir("sys/devices/system/node")) {
    if (node.compare(0, 4, "node") != 0) continue;
    const auto cpus = fs.cpu_list("sys/devices/system/node/" + node + "/cpulist");
    if (!cpus) continue;
    for (const int cpu : *cpus) view[cpu] = *cpus;
  }
  if (view.empty()) return {online};  // a kernel without NUMA: one node
  return partition(online, view);
}

std::optional<bool> intel_hybrid_pmu(const SysfsReader& fs, int cpu) {
  const auto big = fs.cpu_list("sys/devices/cpu_core/cpus");
  const auto small = fs.cpu_list("sys/devices/cpu_atom/cpus");
  if (!big || !small) return std::nullopt;
  if (big->contains(cpu)) return true;
  if (small->contains(cpu)) return false;
  return std::nullopt;
}

std::string arm_vendor(unsigned implementer) {
  switch (implementer) {
    case 0x41: return "ARM";
    case 0x48: return "HiSilicon";
    case 0x4e: return "NVIDIA";
    case 0x51: return "Qualcomm";
    case 0x61: return "Apple";
    case 0xc0: return "Ampere";
    default:
      return "implementer 0x" + [&] {
        std::ostringstream hex;
        hex << std::hex << implementer;
        return hex.str();
      }();
  }
}

std::vector<std::string> split_words(const std::string* text) {
  std::vector<std::string> words;
  if (!text) return words;
  std::istringstream in(*text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

void read_identity(Topology& topology, const Cpuinfo& cpuinfo,
                   const std::map<int, CpuFiles>& files) {
  if (const auto* vendor = cpuinfo.any("vendor_id")) {
    topology.architecture = "x86_64";
    topology.vendor = *vendor;
    topology.features = split_words(cpuinfo.any("flags"));
    if (const auto* family = cpuinfo.any("cpu family")) {
      try {
        topology.cpu_family = std::stoi(*family);
      } catch (const std::exception&) {
        topology.warnings.push_back("proc/cpuinfo: unreadable cpu family '" + *family + "'");
      }
    }
  } else {
    const auto arm = std::find_if(files.begin(), files.end(),
                                  [](auto& entry) { return entry.second.signals.arm; });
    if (arm != files.end()) {
      topology.architecture = "aarch64";
      topology.vendor = arm_vendor(arm->second.signals.arm->implementer);
    }
    topology.features = split_words(cpuinfo.any("Features"));
  }
  if (const auto* model = cpuinfo.any("model name")) topology.model = *model;
}

// Arm cpuinfo names no model: say what the cores are instead.
std::string model_from_core_types(const Topology& topology) {
  std::string model;
  for (const auto& type : topology.core_types) {
    if (!model.empty()) model += " + ";
    model += std::to_string(type.cores) + "x " + type.name;
  }
  return model;
}

std::uint64_t read_memory(const SysfsReader& fs) {
  std::istringstream meminfo(fs.text("proc/meminfo").value_or(""));
  for (std::string line; std::getline(meminfo, line);) {
    std::istringstream fields(line);
    std::string key, unit;
    std::uint64_t amount = 0;
    if (fields >> key >> amount >> unit && key == "MemTotal:") {
      return amount * (unit == "kB" ? 1024 : 1);
    }
  }
  return 0;
}

// Every CPU's cpuinfo block names the same vendor, family and model, and the
// kernel does not flag the CPU as hybrid: then it is one core design.
bool one_x86_design(const Cpuinfo& cpuinfo, const CpuSet& online) {
  for (const char* key : {"vendor_id", "cpu family", "model"}) {
    const std::string* first = cpuinfo.field(online.first(), key);
    if (!first) return false;
    for (const int cpu : online) {
      const std::string* value = cpuinfo.field(cpu, key);
      if (!value || *value != *first) return false;
    }
  }
  const auto flags = split_words(cpuinfo.any("flags"));
  return std::find(flags.begin(), flags.end(), "hybrid_cpu") == flags.end();
}

void assign_core_types(Topology& topology, std::map<int, CpuFiles>& files,
                       const std::map<int, std::uint64_t>& freqs, const Cpuinfo& cpuinfo) {
  std::vector<int> without_layout;
  for (const auto& [cpu, own] : files) {
    if (own.signals.cache_layout.empty()) without_layout.push_back(cpu);
  }
  std::vector<int> ids;
  std::vector<CoreSignals> signals;
  for (auto& [cpu, own] : files) {
    // Half-read cache layouts would make a type of the unreadable CPUs.
    if (!without_layout.empty()) own.signals.cache_layout.clear();
    if (const auto freq = freqs.find(cpu); freq != freqs.end()) {
      own.signals.max_freq_khz = freq->second;
    }
    ids.push_back(cpu);
    signals.push_back(own.signals);
  }
  // The layout decides only on x86 without Intel's hybrid PMU lists.
  const bool layout_decides =
      topology.architecture == "x86_64" &&
      std::none_of(files.begin(), files.end(), [](auto& f) { return f.second.signals.pmu_big; });
  if (!without_layout.empty() && layout_decides && !one_x86_design(cpuinfo, topology.online)) {
    topology.core_types_uncertain = "cache sizes unreadable for CPUs " +
                                    CpuSet(without_layout).to_string() +
                                    ": core types not told apart";
    topology.warnings.push_back(topology.core_types_uncertain);
  }
  auto assignment = classify_core_types(ids, signals, topology.vendor, topology.cpu_family);
  topology.core_types = std::move(assignment.types);
  for (std::size_t i = 0; i < topology.cpus.size(); ++i) {
    topology.cpus[i].core_type = assignment.type_of[i];
  }
  for (auto& type : topology.core_types) {
    CpuSet cores;
    for (const int cpu : type.cpus) cores = cores | CpuSet({topology.cpu(cpu).core});
    type.cores = static_cast<int>(cores.size());
  }
}

CpuSet without_cache_dir(const std::map<int, CpuFiles>& files) {
  std::vector<int> cpus;
  for (const auto& [cpu, own] : files) {
    if (!own.cache_dir) cpus.push_back(cpu);
  }
  return CpuSet(std::move(cpus));
}

// CPUID describes the CPUs it runs on: only a reading of this machine may ask.
bool is_this_machine(const std::string& root) {
  std::error_code error;
  return std::filesystem::equivalent(root, "/", error);
}

CpuidProbe live_probe(const std::string& root) {
  if (!is_this_machine(root)) return {};
  return probe_cpuid_caches;
}

CpuSet read_allowed(const std::string& root, const CpuSet& online,
                    std::vector<std::string>& warnings) {
  if (!is_this_machine(root)) return online;
  const CpuSet allowed = online & CpuSet(allowed_cpus());
  if (!allowed.empty()) return allowed;
  // Affinity names no online CPU only where the online list is wrong.
  warnings.push_back("this process's CPU affinity names no online CPU: assumed all of " +
                     online.to_string() + " may be used");
  return online;
}

}  // namespace

const CpuDetail& Topology::cpu(int id) const {
  const auto it =
      std::lower_bound(cpus.begin(), cpus.end(), id,
                       [](const CpuDetail& detail, int value) { return detail.id < value; });
  if (it == cpus.end() || it->id != id) {
    throw std::out_of_range("cpu " + std::to_string(id) + " is not online");
  }
  return *it;
}

std::vector<CpuDomain> Topology::domains_of(DomainKind kind) const {
  std::vector<CpuDomain> found;
  std::copy_if(domains.begin(), domains.end(), std::back_inserter(found),
               [&](const CpuDomain& domain) { return domain.kind == kind; });
  return found;
}

std::vector<CpuSet> Topology::sets_of(DomainKind kind) const {
  std::vector<CpuSet> sets;
  for (const auto& domain : domains)
    if (domain.kind == kind) sets.push_back(domain.cpus);
  return sets;
}

const CpuDomain& Topology::domain(DomainKind kind, int index) const {
  const auto it = std::find_if(domains.begin(), domains.end(), [&](const CpuDomain& domain) {
    return domain.kind == kind && domain.index == index;
  });
  if (it == domains.end())
    throw std::out_of_range(std::string("no ") + domain_kind_name(kind) + ":" +
                            std::to_string(index));
  return *it;
}

CpuSet Topology::smt_primary() const {
  std::vector<int> firsts;
  for (const auto& core : sets_of(DomainKind::Core)) firsts.push_back(core.first());
  return CpuSet(std::move(firsts));
}

namespace {
constexpr std::pair<DomainKind, const char*> kDomainNames[] = {
    {DomainKind::Package, "package"}, {DomainKind::Core, "core"}, {DomainKind::Cluster, "cluster"},
    {DomainKind::L2, "l2"},           {DomainKind::L3, "l3"},     {DomainKind::Numa, "node"}};
}  // namespace

const char* domain_kind_name(DomainKind kind) {
  for (const auto& [known, name] : kDomainNames)
    if (known == kind) return name;
  return "domain";
}

std::optional<DomainKind> domain_kind_named(std::string_view name) {
  for (const auto& [kind, known] : kDomainNames)
    if (name == known) return kind;
  return std::nullopt;
}

std::map<int, std::string> Topology::core_type_names() const {
  std::map<int, std::string> names;
  for (const auto& cpu : cpus)
    if (cpu.core_type >= 0 && static_cast<std::size_t>(cpu.core_type) < core_types.size())
      names[cpu.id] = core_types[static_cast<std::size_t>(cpu.core_type)].name;
  return names;
}

Topology detect_topology(const std::string& root, const CpuidProbe& cpuid) {
  Topology topology;
  topology.root = root;
  SysfsReader fs(root, topology.warnings);
  if (!fs.exists("proc/cpuinfo") && !fs.exists(kCpuDir)) {
    throw std::invalid_argument("'" + root +
                                "' holds neither proc/cpuinfo nor sys/devices/system/cpu");
  }
  const auto cpuinfo_text = fs.text("proc/cpuinfo");
  if (!cpuinfo_text) topology.warnings.push_back("proc/cpuinfo unreadable: model unknown");
  const Cpuinfo cpuinfo = Cpuinfo::parse(cpuinfo_text.value_or(""));

  topology.online = read_online(fs, cpuinfo, topology.warnings);
  topology.allowed = read_allowed(root, topology.online, topology.warnings);
  std::map<int, CpuFiles> files;
  for (const int cpu : topology.online) {
    files[cpu] = read_cpu(fs, cpuinfo, cpu, topology.warnings);
    files[cpu].signals.pmu_big = intel_hybrid_pmu(fs, cpu);
  }
  read_identity(topology, cpuinfo, files);
  topology.memory_bytes = read_memory(fs);

  std::map<int, CpuSet> siblings, clusters, packages;
  for (const auto& [cpu, own] : files) {
    siblings[cpu] = own.siblings.value_or(CpuSet({cpu}));
    // Without cluster files (kernels before 5.16), a core is its own cluster.
    clusters[cpu] = own.cluster.value_or(siblings[cpu]);
  }
  std::map<int, std::vector<int>> package_members;
  for (const auto& [cpu, own] : files) package_members[own.package].push_back(cpu);
  for (const auto& [cpu, own] : files) packages[cpu] = CpuSet(package_members[own.package]);
  if (const CpuSet uncached = without_cache_dir(files); !uncached.empty()) {
    const CpuidProbe probe = cpuid ? cpuid : live_probe(root);
    if (probe) read_cpuid_caches(probe(uncached), siblings, packages, files);
  }
  const auto cores = partition(topology.online, siblings);
  const auto cluster_sets = partition(topology.online, clusters);
  const auto package_sets = partition(topology.online, packages);
  add_domains(topology, DomainKind::Package, as_domains(package_sets));
  add_domains(topology, DomainKind::Core, as_domains(cores));
  add_domains(topology, DomainKind::Cluster, as_domains(cluster_sets));
  add_domains(topology, DomainKind::L2, cache_domains(topology.online, files, &CpuFiles::l2));
  add_domains(topology, DomainKind::L3, cache_domains(topology.online, files, &CpuFiles::l3));
  add_domains(topology, DomainKind::Numa, as_domains(read_numa_nodes(fs, topology.online)));
  topology.smt =
      std::any_of(cores.begin(), cores.end(), [](const CpuSet& core) { return core.size() > 1; });

  const auto freqs = read_max_freqs(fs, topology.online);
  for (const auto& [cpu, own] : files) {
    const auto freq = freqs.find(cpu);
    topology.cpus.push_back(CpuDetail{.id = cpu,
                                      .package = index_of(package_sets, cpu),
                                      .core = index_of(cores, cpu),
                                      .cluster = index_of(cluster_sets, cpu),
                                      .max_freq_khz = freq == freqs.end() ? 0 : freq->second,
                                      .capacity = own.signals.capacity});
  }
  assign_core_types(topology, files, freqs, cpuinfo);
  if (topology.model.empty()) topology.model = model_from_core_types(topology);
  return topology;
}

}  // namespace corebench
