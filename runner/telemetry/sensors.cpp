#include "runner/telemetry/sensors.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <map>

#include "runner/machine/cpuinfo.h"
#include "runner/machine/sysfs.h"
#include "runner/machine/sysfs_reader.h"
#include "runner/results/telemetry.h"

namespace corebench {
namespace {

const std::string kCpuDir = "sys/devices/system/cpu/";
const std::string kHwmonDir = "sys/class/hwmon/";
const std::string kThermalDir = "sys/class/thermal/";
const std::string kPowercapDir = "sys/class/powercap/";
const std::string kCpuinfo = "proc/cpuinfo";

std::optional<double> parse_decimal(const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return {};
  return value;
}

// A value that must be a whole number (kHz, µJ, m°C may be negative for
// a sensor below zero, so integers are read signed).
std::optional<std::int64_t> parse_integer(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return {};
  return value;
}

// Reads below the root; the reader's own warnings are not wanted here (the
// callers say what a bad value means for the sensor).
class Files {
 public:
  explicit Files(std::string root) : reader_(std::move(root), ignored_) {}
  std::optional<std::string> text(const std::string& path) const { return reader_.text(path); }
  std::vector<std::string> list(const std::string& dir) const { return reader_.list_dir(dir); }
  bool exists(const std::string& path) const { return reader_.exists(path); }

 private:
  mutable std::vector<std::string> ignored_;
  SysfsReader reader_;
};

// Names and bad values from sysfs go into the result file, whose JSON
// must be valid UTF-8: bytes outside printable ASCII become '?'.
std::string printable(std::string text, std::size_t limit = 40) {
  if (text.size() > limit) text = text.substr(0, limit) + "...";
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '?';
  return text;
}

// A name file (hwmon's name, a label, a zone's type) or `fallback`.
std::string name_in(const Files& files, const std::string& path, const std::string& fallback) {
  const auto text = files.text(path);
  return text && !text->empty() ? printable(*text) : fallback;
}

// "" when the file holds a whole number, else why the sensor is left out.
std::string integer_problem(const Files& files, const std::string& path) {
  const auto text = files.text(path);
  if (!text) return fmt::format("{}: not readable", path);
  if (!parse_integer(*text)) return fmt::format("{}: '{}' is not a number", path, printable(*text));
  return "";
}

bool is_numbered(const std::string& name, const std::string& prefix) {
  return name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0 &&
         std::all_of(name.begin() + static_cast<std::ptrdiff_t>(prefix.size()), name.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

std::optional<double> cpuinfo_mhz(const Cpuinfo& cpuinfo, int cpu) {
  const std::string* mhz = cpuinfo.field(cpu, "cpu MHz");
  return mhz ? parse_decimal(*mhz) : std::nullopt;
}

// cpufreq of a CPU: its own directory (a link to its policy on a real
// machine), else the policy that lists it (fixture trees without links).
std::string cpufreq_file(const Files& files, int cpu) {
  const std::string own = fmt::format("{}cpu{}/cpufreq/scaling_cur_freq", kCpuDir, cpu);
  if (files.exists(own)) return own;
  for (const auto& policy : files.list(kCpuDir + "cpufreq")) {
    if (!is_numbered(policy, "policy")) continue;
    const std::string dir = kCpuDir + "cpufreq/" + policy + "/";
    for (const char* list : {"affected_cpus", "related_cpus"}) {
      const auto text = files.text(dir + list);
      if (!text) continue;
      try {
        if (CpuSet::parse_list(*text).contains(cpu)) return dir + "scaling_cur_freq";
      } catch (const std::exception&) {
        // A garbled list: the next one, or no cpufreq for this CPU.
      }
    }
  }
  return "";
}

void find_clocks(const Files& files, const CpuSet& cpus, Sensors& sensors) {
  const Cpuinfo cpuinfo = Cpuinfo::parse(files.text(kCpuinfo).value_or(""));
  for (const int cpu : cpus) {
    const std::string path = cpufreq_file(files, cpu);
    std::string problem = path.empty() ? "" : integer_problem(files, path);
    if (!path.empty() && problem.empty()) {
      sensors.clocks.push_back({.cpu = cpu, .path = path});
      continue;
    }
    if (cpuinfo_mhz(cpuinfo, cpu)) {
      sensors.clocks.push_back({.cpu = cpu, .path = ""});
      continue;
    }
    if (!problem.empty())
      sensors.problems.push_back(fmt::format("clock of cpu {}: {}", cpu, problem));
  }
}

// hwmon's label for file `prefix`N, else its plain name ("temp1").
std::string hwmon_label(const Files& files, const std::string& dir, const std::string& channel) {
  return name_in(files, dir + channel + "_label", channel);
}

// hwmon channels named like "temp3_input": "temp3" each.
std::vector<std::string> channels(const Files& files, const std::string& dir,
                                  const std::string& type) {
  static const std::string kSuffix = "_input";
  std::vector<std::string> found;
  for (const auto& name : files.list(dir)) {
    if (!name.ends_with(kSuffix)) continue;
    std::string channel = name.substr(0, name.size() - kSuffix.size());
    if (is_numbered(channel, type)) found.push_back(std::move(channel));
  }
  return found;
}

void find_hwmon(const Files& files, Sensors& sensors) {
  for (const auto& hwmon : files.list(kHwmonDir)) {
    if (!is_numbered(hwmon, "hwmon")) continue;
    const std::string dir = kHwmonDir + hwmon + "/";
    const std::string chip = name_in(files, dir + "name", hwmon);
    const auto add = [&](const std::string& channel, const auto& push) {
      const std::string path = dir + channel + "_input";
      if (const std::string problem = integer_problem(files, path); !problem.empty())
        sensors.problems.push_back(fmt::format("{}/{}: {}", chip, channel, problem));
      else
        push(fmt::format("{}/{}", chip, hwmon_label(files, dir, channel)), path);
    };
    for (const auto& channel : channels(files, dir, "temp"))
      add(channel, [&](const std::string& name, const std::string& path) {
        sensors.temperatures.push_back({.name = name, .path = path});
      });
    for (const char* type : {"energy", "power"})
      for (const auto& channel : channels(files, dir, type))
        add(channel, [&](const std::string& name, const std::string& path) {
          const std::string label = hwmon_label(files, dir, channel);
          sensors.energy.push_back({.domain = name,
                                    .kind = energy_kind(label),
                                    .path = path,
                                    .power = std::string(type) == "power"});
        });
  }
}

void find_thermal_zones(const Files& files, Sensors& sensors) {
  for (const auto& zone : files.list(kThermalDir)) {
    if (!is_numbered(zone, "thermal_zone")) continue;
    const std::string dir = kThermalDir + zone + "/";
    const std::string path = dir + "temp";
    const std::string type = name_in(files, dir + "type", "unnamed");
    if (const std::string problem = integer_problem(files, path); !problem.empty())
      sensors.problems.push_back(fmt::format("{} ({}): {}", zone, type, problem));
    else
      sensors.temperatures.push_back({.name = fmt::format("{} ({})", zone, type), .path = path});
  }
}

// Where a zone's counter wraps; 0 when it does not say.
std::uint64_t energy_range(const Files& files, const std::string& dir) {
  const auto text = files.text(dir + "max_energy_range_uj");
  if (!text) return 0;
  const auto range = parse_integer(*text);
  return range.value_or(0) > 0 ? static_cast<std::uint64_t>(range.value_or(0)) : 0;
}

// "intel-rapl:0" and "intel-rapl:0:1": the zones with energy counters.
// intel-rapl-mmio zones count the same energy as the MSR zones beside
// them and are left out, so a package is not counted twice.
void find_powercap(const Files& files, Sensors& sensors) {
  for (const auto& zone : files.list(kPowercapDir)) {
    if (zone.find(':') == std::string::npos) continue;  // "intel-rapl": the control type
    const std::string dir = kPowercapDir + zone + "/";
    const std::string path = dir + "energy_uj";
    if (!files.exists(path)) continue;
    const std::string name = name_in(files, dir + "name", zone);
    if (zone.find("mmio") != std::string::npos) {
      sensors.problems.push_back(
          fmt::format("{} ({}): left out, the same counter as the MSR zone", zone, name));
      continue;
    }
    if (std::string problem = integer_problem(files, path); !problem.empty()) {
      // Since Linux 5.10 energy_uj is readable by root only (CVE-2020-8694).
      if (!files.text(path)) problem += " (root only since Linux 5.10)";
      sensors.problems.push_back(fmt::format("{} ({}): {}", zone, name, problem));
      continue;
    }
    sensors.energy.push_back({.domain = fmt::format("{} ({})", zone, name),
                              .kind = energy_kind(name),
                              .path = path,
                              .power = false,
                              .range_uj = energy_range(files, dir)});
  }
}

int package_of(const Files& files, int cpu) {
  const auto text = files.text(fmt::format("{}cpu{}/topology/physical_package_id", kCpuDir, cpu));
  const auto id = text ? parse_integer(*text) : std::nullopt;
  return id ? static_cast<int>(*id) : 0;
}

void find_throttles(const Files& files, const CpuSet& cpus, Sensors& sensors) {
  for (const int cpu : cpus) {
    const std::string dir = fmt::format("{}cpu{}/thermal_throttle/", kCpuDir, cpu);
    ThrottleSensor sensor;
    sensor.cpu = cpu;
    sensor.package = package_of(files, cpu);
    for (auto [file, into] : {std::pair{"core_throttle_count", &sensor.core_path},
                              std::pair{"package_throttle_count", &sensor.package_path}}) {
      const std::string path = dir + file;
      if (!files.exists(path)) continue;
      if (const std::string problem = integer_problem(files, path); !problem.empty())
        sensors.problems.push_back(fmt::format("throttle count of cpu {}: {}", cpu, problem));
      else
        *into = path;
    }
    if (!sensor.core_path.empty() || !sensor.package_path.empty())
      sensors.throttles.push_back(sensor);
  }
}

std::optional<double> read_number(const Files& files, const std::string& path) {
  const auto text = files.text(path);
  const auto value = text ? parse_integer(*text) : std::nullopt;
  return value ? std::optional<double>(static_cast<double>(*value)) : std::nullopt;
}

std::optional<std::uint64_t> read_count(const Files& files, const std::string& path) {
  if (path.empty()) return std::nullopt;
  const auto value = read_number(files, path);
  return value && *value >= 0 ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(*value))
                              : std::nullopt;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

bool Sensors::any() const {
  return !clocks.empty() || !temperatures.empty() || !energy.empty() || !throttles.empty();
}

std::string energy_kind(const std::string& name) {
  const std::string n = lower(name);
  const auto has = [&](const char* word) { return n.find(word) != std::string::npos; };
  if (has("package") || has("socket") || has("pkg")) return "package";
  if (has("psys") || has("platform")) return "psys";
  if (has("uncore")) return "uncore";
  if (has("core")) return "core";
  if (has("dram") || has("memory")) return "dram";
  if (has("soc")) return "soc";
  return "other";
}

Sensors discover_sensors(const std::string& root, const CpuSet& cpus) {
  const Files files(root);
  Sensors sensors;
  sensors.root = root;
  find_clocks(files, cpus, sensors);
  find_hwmon(files, sensors);
  find_thermal_zones(files, sensors);
  find_powercap(files, sensors);
  find_throttles(files, cpus, sensors);
  return sensors;
}

std::vector<std::string> describe_sensors(const Sensors& sensors) {
  std::vector<std::string> lines;
  const auto from_cpuinfo = std::count_if(sensors.clocks.begin(), sensors.clocks.end(),
                                          [](const ClockSensor& c) { return c.path.empty(); });
  const auto from_cpufreq = static_cast<std::ptrdiff_t>(sensors.clocks.size()) - from_cpuinfo;
  std::string clock = sensors.clocks.empty() ? kNotAvailable : "";
  if (from_cpufreq) clock += fmt::format("cpufreq scaling_cur_freq ({} CPUs)", from_cpufreq);
  if (from_cpufreq && from_cpuinfo) clock += ", ";
  if (from_cpuinfo) clock += fmt::format("/proc/cpuinfo cpu MHz ({} CPUs)", from_cpuinfo);
  lines.push_back("clock: " + clock);
  std::vector<std::string> names;
  for (const auto& t : sensors.temperatures) names.push_back(t.name);
  lines.push_back("temperature: " + (names.empty() ? std::string(kNotAvailable)
                                                   : fmt::format("{}", fmt::join(names, ", "))));
  names.clear();
  for (const auto& e : sensors.energy)
    names.push_back(fmt::format("{} [{}, {}]", e.domain, e.kind, e.power ? "power" : "energy"));
  lines.push_back("energy: " + (names.empty() ? std::string(kNotAvailable)
                                              : fmt::format("{}", fmt::join(names, ", "))));
  lines.push_back(
      sensors.throttles.empty()
          ? fmt::format("throttle counters: {}", kNotAvailable)
          : fmt::format("throttle counters: thermal_throttle ({} CPUs)", sensors.throttles.size()));
  for (const auto& problem : sensors.problems) lines.push_back("skipped " + problem);
  return lines;
}

Reading read_sensors(const Sensors& sensors) {
  const Files files(sensors.root);
  Reading reading;
  reading.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  const bool wants_cpuinfo = std::any_of(sensors.clocks.begin(), sensors.clocks.end(),
                                         [](const ClockSensor& c) { return c.path.empty(); });
  const Cpuinfo cpuinfo =
      wants_cpuinfo ? Cpuinfo::parse(files.text(kCpuinfo).value_or("")) : Cpuinfo{};
  for (const auto& clock : sensors.clocks) {
    if (clock.path.empty()) {
      reading.mhz.push_back(cpuinfo_mhz(cpuinfo, clock.cpu));
    } else {
      const auto khz = read_number(files, clock.path);
      reading.mhz.push_back(khz && *khz > 0 ? std::optional<double>(*khz / 1000) : std::nullopt);
    }
  }
  for (const auto& t : sensors.temperatures) {
    const auto millidegrees = read_number(files, t.path);
    reading.celsius.push_back(millidegrees ? std::optional<double>(*millidegrees / 1000)
                                           : std::nullopt);
  }
  for (const auto& e : sensors.energy) {
    const auto value = read_number(files, e.path);
    reading.energy.push_back(value && *value >= 0 ? value : std::nullopt);
  }
  for (const auto& t : sensors.throttles) {
    reading.core_throttles.push_back(read_count(files, t.core_path));
    reading.package_throttles.push_back(read_count(files, t.package_path));
  }
  return reading;
}

}  // namespace corebench
