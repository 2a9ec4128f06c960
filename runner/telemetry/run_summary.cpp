#include "runner/telemetry/run_summary.h"

#include <algorithm>

namespace corebench {
namespace {

constexpr double kMicro = 1e-6;

// Events between two readings of a counter; 0 where either is missing.
std::uint64_t events(const std::optional<std::uint64_t>& first,
                     const std::optional<std::uint64_t>& last) {
  return first && last && *last >= *first ? *last - *first : 0;
}

void keep_first_and_last(std::vector<std::optional<std::uint64_t>>& first,
                         std::vector<std::optional<std::uint64_t>>& last,
                         const std::vector<std::optional<std::uint64_t>>& now) {
  for (std::size_t i = 0; i < now.size() && i < first.size(); ++i) {
    if (!now[i]) continue;
    if (!first[i]) first[i] = now[i];
    last[i] = now[i];
  }
}

}  // namespace

RunSummary::RunSummary(const Sensors& sensors, std::map<int, std::string> core_type_of)
    : sensors_(sensors),
      core_type_of_(std::move(core_type_of)),
      max_celsius_(sensors.temperatures.size()),
      energy_(sensors.energy.size()),
      first_core_(sensors.throttles.size()),
      last_core_(sensors.throttles.size()),
      first_package_(sensors.throttles.size()),
      last_package_(sensors.throttles.size()) {}

void RunSummary::add(const Reading& reading) {
  if (readings_++ == 0) first_seconds_ = reading.seconds;
  last_seconds_ = reading.seconds;
  for (std::size_t i = 0; i < reading.mhz.size() && i < sensors_.clocks.size(); ++i) {
    if (!reading.mhz[i]) continue;
    const auto type = core_type_of_.find(sensors_.clocks[i].cpu);
    Clock& clock = clocks_[type == core_type_of_.end() ? "cpu" : type->second];
    clock.min = clock.count ? std::min(clock.min, *reading.mhz[i]) : *reading.mhz[i];
    clock.sum += *reading.mhz[i];
    ++clock.count;
  }
  for (std::size_t i = 0; i < reading.celsius.size() && i < max_celsius_.size(); ++i)
    if (reading.celsius[i])
      max_celsius_[i] =
          std::max(max_celsius_[i].value_or(*reading.celsius[i]), *reading.celsius[i]);
  for (std::size_t i = 0; i < reading.energy.size() && i < energy_.size(); ++i)
    if (reading.energy[i]) add_energy(i, *reading.energy[i]);
  keep_first_and_last(first_core_, last_core_, reading.core_throttles);
  keep_first_and_last(first_package_, last_package_, reading.package_throttles);
}

// A counter that went down wrapped at its range: the energy is what it
// counted up to the range and then from 0. Without a known range the
// interval cannot be told and is dropped (the run's energy is then low,
// never invented); readings a few times a second keep such gaps short.
void RunSummary::add_energy(std::size_t index, double value) {
  const EnergySensor& sensor = sensors_.energy[index];
  Energy& energy = energy_[index];
  if (sensor.power) {
    energy.watts_sum += value * kMicro;
    ++energy.watts_count;
    return;
  }
  if (energy.last) {
    double delta = value - *energy.last;
    if (delta < 0) delta = sensor.range_uj ? delta + static_cast<double>(sensor.range_uj) : 0;
    energy.joules += delta * kMicro;
  }
  energy.last = value;
}

RunTelemetry RunSummary::finish(double sampler_cpu_seconds) const {
  RunTelemetry t;
  t.recorded = true;
  t.samples = readings_;
  t.seconds = last_seconds_ - first_seconds_;
  t.sampler_cpu_seconds = sampler_cpu_seconds;
  for (const auto& [type, clock] : clocks_)
    t.clocks.push_back(
        {.core_type = type, .mean_mhz = clock.sum / clock.count, .min_mhz = clock.min});
  for (std::size_t i = 0; i < max_celsius_.size(); ++i)
    if (max_celsius_[i])
      t.temperatures.push_back(
          {.sensor = sensors_.temperatures[i].name, .max_celsius = *max_celsius_[i]});
  for (std::size_t i = 0; i < energy_.size(); ++i) {
    const EnergySensor& sensor = sensors_.energy[i];
    const Energy& e = energy_[i];
    // A counter needs two readings and some time between them; a meter one reading.
    const bool has = sensor.power ? e.watts_count > 0 : (e.last && t.seconds > 0 && readings_ > 1);
    if (!has) continue;
    const double watts = sensor.power ? e.watts_sum / e.watts_count : e.joules / t.seconds;
    t.energy.push_back({.domain = sensor.domain,
                        .kind = sensor.kind,
                        .joules = sensor.power ? watts * t.seconds : e.joules,
                        .mean_watts = watts});
  }
  if (!sensors_.throttles.empty()) {
    ThrottleReading throttle;
    std::map<int, std::uint64_t> per_package;  // every CPU of a package counts its events
    for (std::size_t i = 0; i < sensors_.throttles.size(); ++i) {
      throttle.core_events += events(first_core_[i], last_core_[i]);
      auto& package = per_package[sensors_.throttles[i].package];
      package = std::max(package, events(first_package_[i], last_package_[i]));
    }
    for (const auto& [package, count] : per_package) throttle.package_events += count;
    t.throttle = throttle;
  }
  return t;
}

}  // namespace corebench
