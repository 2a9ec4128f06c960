// What the CPU did during a run (clock, temperature, energy, throttling), as
// result files keep it. Plain data: runner/telemetry/ samples the machine
// and fills these in; everything here is derived from what it recorded.
//
// An empty list means the machine exposes no such sensor: the file says
// "not available", never 0.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace corebench {

struct RunRecord;  // result.h

// The clock of the test's CPUs of one core type over the run.
struct ClockReading {
  std::string core_type;  // Topology's name ("P-core", "Cortex-X925")
  double mean_mhz = 0;    // over every sample of every CPU of the type
  double min_mhz = 0;     // the lowest single sample
};

struct TemperatureReading {
  std::string sensor;  // "coretemp/Package id 0", "thermal_zone0 (cpu-thermal)"
  double max_celsius = 0;
};

// An energy counter or power meter over the run.
struct EnergyReading {
  std::string domain;  // "intel-rapl:0 (package-0)", "amd_energy/Esocket0"
  std::string kind;    // package, core, uncore, dram, psys, soc, other: what compare matches on
  double joules = 0;
  double mean_watts = 0;
};

struct ThrottleReading {
  std::uint64_t core_events = 0;     // sum over the test's CPUs
  std::uint64_t package_events = 0;  // the largest per package
};

struct RunTelemetry {
  bool recorded = false;  // false: no sampler ran (--no-telemetry, an older file)
  int samples = 0;
  double seconds = 0;              // from the first sample to the last
  double sampler_cpu_seconds = 0;  // the sampler's own CPU time: its cost
  std::vector<ClockReading> clocks;
  std::vector<TemperatureReading> temperatures;
  std::vector<EnergyReading> energy;
  std::optional<ThrottleReading> throttle;  // nullopt: no thermal_throttle counters
  // Derived, not stored: some core type's mean clock is more than
  // kThrottledFraction below that type's median over the test's runs.
  bool throttled = false;
};

inline constexpr double kThrottledFraction = 0.10;

// Over a test's counted runs that have telemetry.
struct TestTelemetry {
  int runs = 0;                                  // counted runs with telemetry; 0: none recorded
  std::vector<ClockReading> clocks;              // mean of run means, lowest sample
  std::vector<TemperatureReading> temperatures;  // the highest
  std::vector<EnergyReading> energy;             // mean per run
  std::optional<ThrottleReading> throttle;       // summed
  std::vector<int> throttled_runs;               // 1-based among the counted runs
  double sampler_cpu_seconds = 0;                // summed
  double sampled_seconds = 0;                    // summed
  // Sensors skipped when the test started, each with the reason.
  std::vector<std::string> problems;
};

// Each run's `throttled` against the counted runs' medians.
void mark_throttled(std::vector<RunRecord>& runs);

// Summary over the counted runs (warm-up excluded); `problems` carried over.
TestTelemetry summarize_telemetry(const std::vector<RunRecord>& runs,
                                  std::vector<std::string> problems);

// Watts of the domains of `kind` summed (sockets, cores); nullopt when none.
std::optional<double> watts_of_kind(const std::vector<EnergyReading>& energy,
                                    const std::string& kind);

nlohmann::json to_json(const RunTelemetry& telemetry);
RunTelemetry run_telemetry_from_json(const nlohmann::json& j);  // throws nlohmann::json::exception
nlohmann::json to_json(const TestTelemetry& telemetry);

inline constexpr const char* kNotAvailable = "not available";

}  // namespace corebench
