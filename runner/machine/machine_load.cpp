#include "runner/machine/machine_load.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <sstream>
#include <thread>

#include "runner/machine/sysfs.h"

namespace corebench {
namespace {

constexpr double kListedShare = 0.01;  // processes below 1 % of a CPU are not listed
constexpr std::size_t kRecordedProcesses = 3;

struct CpuTicks {
  unsigned long long busy = 0;
  unsigned long long total = 0;
};

struct ProcessTicks {
  std::string command;
  unsigned long long ticks = 0;  // utime + stime
  int last_cpu = -1;
};

// "cpuN user nice system idle iowait irq softirq steal ..." per CPU.
std::map<int, CpuTicks> read_cpu_ticks(const std::filesystem::path& root) {
  std::map<int, CpuTicks> cpus;
  std::istringstream lines(read_text(under(root, "/proc/stat")).value_or(""));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("cpu", 0) != 0 || line.size() < 4 || !std::isdigit(line[3])) continue;
    std::istringstream fields(line.substr(3));
    int cpu = 0;
    fields >> cpu;
    CpuTicks ticks;
    unsigned long long value = 0;
    for (int i = 0; fields >> value && i < 8; ++i) {
      ticks.total += value;
      if (i != 3 && i != 4) ticks.busy += value;  // idle and iowait are not busy
    }
    cpus[cpu] = ticks;
  }
  return cpus;
}

// /proc/PID/stat: "pid (comm) state ..." where comm may hold spaces and
// parentheses, so the fields are counted from the last ')'.
bool parse_process(const std::string& stat, ProcessTicks& out) {
  const auto open = stat.find('('), close = stat.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return false;
  out.command = stat.substr(open + 1, close - open - 1);
  std::istringstream fields(stat.substr(close + 1));
  std::vector<std::string> words;
  for (std::string word; fields >> word;) words.push_back(word);
  // words[0] is field 3 (state): utime is field 14, stime 15, processor 39.
  if (words.size() < 37) return false;
  try {
    out.ticks = std::stoull(words[11]) + std::stoull(words[12]);
    out.last_cpu = std::stoi(words[36]);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

std::map<int, ProcessTicks> read_processes(const std::filesystem::path& root) {
  std::map<int, ProcessTicks> processes;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(under(root, "/proc"), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit)) continue;
    ProcessTicks ticks;
    if (auto stat = read_text(entry.path() / "stat"); stat && parse_process(*stat, ticks))
      processes[std::stoi(name)] = ticks;
  }
  return processes;
}

std::vector<ProcessLoad> process_loads(const std::map<int, ProcessTicks>& before,
                                       const std::map<int, ProcessTicks>& after, double seconds) {
  const double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
  const int self = static_cast<int>(getpid());
  std::vector<ProcessLoad> loads;
  for (const auto& [pid, now] : after) {
    const auto then = before.find(pid);
    if (pid == self || then == before.end() || now.ticks < then->second.ticks) continue;
    const double share =
        static_cast<double>(now.ticks - then->second.ticks) / ticks_per_second / seconds;
    if (share > kListedShare) loads.push_back({pid, now.command, share, now.last_cpu});
  }
  std::sort(loads.begin(), loads.end(),
            [](const ProcessLoad& a, const ProcessLoad& b) { return a.cpu_share > b.cpu_share; });
  return loads;
}

std::string percent(double share) {
  return fmt::format("{:.0f} %", share * 100);
}

// Busy CPUs of the set, with the processes that last ran there above the line.
void busy_warnings(const CpuSet& cpus, const LoadSample& sample,
                   std::vector<std::string>& warnings) {
  std::vector<std::string> named;
  for (const auto& p : sample.processes)
    if (p.cpu_share > kBusyShare && cpus.contains(p.last_cpu))
      named.push_back(fmt::format("{} (pid {}) used {} of a CPU on cpu {}", p.command, p.pid,
                                  percent(p.cpu_share), p.last_cpu));
  if (!named.empty()) {
    std::string line = "busy:";
    for (std::size_t i = 0; i < named.size(); ++i) line += (i ? "; " : " ") + named[i];
    warnings.push_back(line);
    return;
  }
  // Nothing to name (kernel threads, interrupts, a process that moved on):
  // the CPU's own count still says it was busy.
  for (const auto& [cpu, busy] : sample.cpu_busy)
    if (cpus.contains(cpu) && busy > kBusyShare)
      warnings.push_back(fmt::format("busy: cpu {} was {} busy", cpu, percent(busy)));
}

}  // namespace

LoadSample sample_load(const std::filesystem::path& root, double seconds) {
  const auto cpus_before = read_cpu_ticks(root);
  const auto processes_before = read_processes(root);
  const auto start = std::chrono::steady_clock::now();
  if (root == "/") std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  const auto cpus_after = read_cpu_ticks(root);
  const auto processes_after = read_processes(root);
  const double elapsed = std::max(
      1e-3, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  LoadSample sample;
  for (const auto& [cpu, now] : cpus_after) {
    const auto then = cpus_before.find(cpu);
    if (then == cpus_before.end() || now.total <= then->second.total) {
      sample.cpu_busy[cpu] = 0;
      continue;
    }
    sample.cpu_busy[cpu] = static_cast<double>(now.busy - then->second.busy) /
                           static_cast<double>(now.total - then->second.total);
  }
  sample.processes = process_loads(processes_before, processes_after, elapsed);
  return sample;
}

std::vector<double> read_load_average(const std::filesystem::path& root) {
  std::istringstream fields(read_line(under(root, "/proc/loadavg")).value_or(""));
  std::vector<double> averages(3);
  for (double& average : averages)
    if (!(fields >> average)) return {};
  return averages;
}

MachineLoad machine_load(const std::filesystem::path& root, double seconds) {
  MachineLoad load;
  load.load_average = read_load_average(root);
  load.busiest = sample_load(root, seconds).processes;
  if (load.busiest.size() > kRecordedProcesses) load.busiest.resize(kRecordedProcesses);
  return load;
}

std::map<int, std::string> read_governors(const std::filesystem::path& root) {
  std::map<int, std::string> governors;
  std::error_code ec;
  for (const auto& policy :
       std::filesystem::directory_iterator(under(root, "/sys/devices/system/cpu/cpufreq"), ec)) {
    const auto governor = read_line(policy.path() / "scaling_governor");
    if (!governor || governor->empty()) continue;
    std::istringstream cpus(read_line(policy.path() / "affected_cpus").value_or(""));
    for (int cpu = 0; cpus >> cpu;) governors[cpu] = *governor;
  }
  return governors;
}

// Each governor other than performance with the CPUs of the set it runs;
// named by CPU only where the set's CPUs do not all share it.
void governor_warnings(const SystemInfo& system, const CpuSet& cpus,
                       const std::map<int, std::string>& governors,
                       std::vector<std::string>& warnings) {
  std::map<std::string, std::vector<int>> slow;
  for (int cpu : cpus) {
    const auto found = governors.find(cpu);
    const std::string& governor = found != governors.end() ? found->second : system.governor;
    if (!governor.empty() && governor != "performance") slow[governor].push_back(cpu);
  }
  for (const auto& [governor, on] : slow)
    warnings.push_back(on.size() == cpus.size()
                           ? fmt::format("the cpufreq governor is {}, not performance", governor)
                           : fmt::format("the cpufreq governor of CPUs {} is {}, not performance",
                                         CpuSet(on).to_string(), governor));
}

std::vector<std::string> preflight_warnings(const SystemInfo& system, const CpuSet& cpus,
                                            const LoadSample& sample,
                                            const std::map<int, std::string>& governors) {
  std::vector<std::string> warnings;
  busy_warnings(cpus, sample, warnings);
  governor_warnings(system, cpus, governors, warnings);
  if (!system.hypervisor.empty() && system.hypervisor != "none")
    warnings.push_back(
        system.hypervisor == "yes"
            ? std::string("runs under a hypervisor: other guests share the CPUs")
            : fmt::format("runs under a hypervisor ({}): other guests share the CPUs",
                          system.hypervisor));
  return warnings;
}

}  // namespace corebench
