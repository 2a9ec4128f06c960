// The clock, temperature, energy and throttle sensors a machine exposes
// under a root path ("/" or a fixture tree), found once per test, and one
// reading of all of them.
//
// Sources: cpufreq scaling_cur_freq (per CPU or per policy), else
// /proc/cpuinfo "cpu MHz"; hwmon temp*_input and thermal zones; powercap
// energy_uj zones (Intel and AMD RAPL) and hwmon energy*_input (amd_energy)
// and power*_input (zenpower); thermal_throttle counters. A sensor whose
// file does not parse when found is left out with the reason; one that
// garbles later is skipped for that reading.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runner/machine/cpuset.h"

namespace corebench {

struct ClockSensor {
  int cpu = 0;
  std::string path;  // a kHz file below the root; "" for /proc/cpuinfo's MHz
};

struct TemperatureSensor {
  std::string name;  // "coretemp/Package id 0", "thermal_zone0 (cpu-thermal)"
  std::string path;  // millidegrees Celsius
};

struct EnergySensor {
  std::string domain;  // "intel-rapl:0 (package-0)", "amd_energy/Esocket0"
  std::string kind;    // package, core, uncore, dram, psys, soc, other
  std::string path;
  bool power = false;          // false: µJ counter; true: µW meter (hwmon power*_input)
  std::uint64_t range_uj = 0;  // where a counter wraps (max_energy_range_uj); 0: unknown
};

struct ThrottleSensor {
  int cpu = 0;
  int package = 0;
  std::string core_path;     // core_throttle_count; "" if absent
  std::string package_path;  // package_throttle_count; "" if absent
};

struct Sensors {
  std::string root;
  std::vector<ClockSensor> clocks;
  std::vector<TemperatureSensor> temperatures;
  std::vector<EnergySensor> energy;
  std::vector<ThrottleSensor> throttles;
  std::vector<std::string> problems;  // sensors left out, each with why

  bool any() const;
};

// The sensors of the machine under `root`; clocks and throttle counters of
// `cpus` only (the test's), the others machine-wide.
Sensors discover_sensors(const std::string& root, const CpuSet& cpus);

// One line per kind of sensor, for `info`: what was found, or "not available".
std::vector<std::string> describe_sensors(const Sensors& sensors);

// One reading of every sensor, in the order of Sensors' lists; nullopt
// where the value did not parse this time.
struct Reading {
  double seconds = 0;  // steady clock
  std::vector<std::optional<double>> mhz;
  std::vector<std::optional<double>> celsius;
  std::vector<std::optional<double>> energy;  // µJ for a counter, µW for a meter
  std::vector<std::optional<std::uint64_t>> core_throttles;
  std::vector<std::optional<std::uint64_t>> package_throttles;
};

Reading read_sensors(const Sensors& sensors);

// The kind compare matches energy domains on, from a RAPL zone's name or an
// hwmon label: "package-0" and "Esocket0" are both "package".
std::string energy_kind(const std::string& name);

}  // namespace corebench
