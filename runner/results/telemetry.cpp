#include "runner/results/telemetry.h"

#include <algorithm>
#include <map>

#include "runner/results/result.h"
#include "runner/results/stats.h"

namespace corebench {
namespace {

// A list, or the words that say the machine has none: 0 would read as a
// measurement.
template <typename T, typename ToJson>
nlohmann::json list_or_absent(const std::vector<T>& items, ToJson to_json_item) {
  if (items.empty()) return kNotAvailable;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& item : items) list.push_back(to_json_item(item));
  return list;
}

nlohmann::json clock_json(const ClockReading& c) {
  return {{"core_type", c.core_type}, {"mean_mhz", c.mean_mhz}, {"min_mhz", c.min_mhz}};
}

nlohmann::json temperature_json(const TemperatureReading& t) {
  return {{"sensor", t.sensor}, {"max_celsius", t.max_celsius}};
}

nlohmann::json energy_json(const EnergyReading& e) {
  return {
      {"domain", e.domain}, {"kind", e.kind}, {"joules", e.joules}, {"mean_watts", e.mean_watts}};
}

nlohmann::json throttle_json(const std::optional<ThrottleReading>& t) {
  if (!t) return kNotAvailable;
  return {{"core_events", t->core_events}, {"package_events", t->package_events}};
}

// The items of a list written by list_or_absent; none for "not available".
std::vector<nlohmann::json> items_of(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || !j.at(key).is_array()) return {};
  return j.at(key).get<std::vector<nlohmann::json>>();
}

// A count as written, refused (as a malformed file) when it is not a whole
// number: a double cast to an integer could be anything.
std::uint64_t event_count(const nlohmann::json& j, const char* key) {
  const nlohmann::json& value = j.at(key);
  if (!value.is_number_unsigned())
    throw nlohmann::json::type_error::create(302, std::string(key) + " is not a count", &value);
  return value.get<std::uint64_t>();
}

const RunTelemetry* counted_telemetry(const RunRecord& run) {
  return !run.warmup && run.verified && run.telemetry.recorded ? &run.telemetry : nullptr;
}

// Per core type, the median over counted runs of the run's mean clock.
std::map<std::string, double> median_clocks(const std::vector<RunRecord>& runs) {
  std::map<std::string, std::vector<double>> means;
  for (const auto& run : runs)
    if (const RunTelemetry* t = counted_telemetry(run))
      for (const auto& clock : t->clocks) means[clock.core_type].push_back(clock.mean_mhz);
  std::map<std::string, double> medians;
  for (const auto& [type, values] : means) medians[type] = summarize(values).median;
  return medians;
}

template <typename Reading, typename Key, typename Merge>
void merge_into(std::vector<Reading>& into, const Reading& reading, Key key, Merge merge) {
  const auto same = [&](const Reading& r) { return key(r) == key(reading); };
  const auto it = std::find_if(into.begin(), into.end(), same);
  if (it == into.end())
    into.push_back(reading);
  else
    merge(*it, reading);
}

void add_run(TestTelemetry& summary, const RunTelemetry& run) {
  for (const auto& clock : run.clocks)
    merge_into(
        summary.clocks, clock, [](const ClockReading& c) { return c.core_type; },
        [](ClockReading& into, const ClockReading& c) {
          into.mean_mhz += c.mean_mhz;  // divided by the runs at the end
          into.min_mhz = std::min(into.min_mhz, c.min_mhz);
        });
  for (const auto& temperature : run.temperatures)
    merge_into(
        summary.temperatures, temperature, [](const TemperatureReading& t) { return t.sensor; },
        [](TemperatureReading& into, const TemperatureReading& t) {
          into.max_celsius = std::max(into.max_celsius, t.max_celsius);
        });
  for (const auto& energy : run.energy)
    merge_into(
        summary.energy, energy, [](const EnergyReading& e) { return e.domain; },
        [](EnergyReading& into, const EnergyReading& e) {
          into.joules += e.joules;
          into.mean_watts += e.mean_watts;
        });
  if (run.throttle) {
    ThrottleReading& total = summary.throttle ? *summary.throttle : summary.throttle.emplace();
    total.core_events += run.throttle->core_events;
    total.package_events += run.throttle->package_events;
  }
  summary.sampler_cpu_seconds += run.sampler_cpu_seconds;
  summary.sampled_seconds += run.seconds;
}

// Sums to means. A sensor missing from some runs (a value garbled for a
// while) is averaged over the runs it was read in.
void average(TestTelemetry& summary, const std::vector<RunRecord>& runs) {
  const auto runs_with = [&](const auto& has) {
    int n = 0;
    for (const auto& run : runs)
      if (const RunTelemetry* t = counted_telemetry(run)) n += has(*t) ? 1 : 0;
    return std::max(n, 1);
  };
  for (auto& clock : summary.clocks)
    clock.mean_mhz /= runs_with([&](const RunTelemetry& t) {
      return std::any_of(t.clocks.begin(), t.clocks.end(),
                         [&](const ClockReading& c) { return c.core_type == clock.core_type; });
    });
  for (auto& energy : summary.energy) {
    const int n = runs_with([&](const RunTelemetry& t) {
      return std::any_of(t.energy.begin(), t.energy.end(),
                         [&](const EnergyReading& e) { return e.domain == energy.domain; });
    });
    energy.joules /= n;
    energy.mean_watts /= n;
  }
}

}  // namespace

void mark_throttled(std::vector<RunRecord>& runs) {
  const std::map<std::string, double> medians = median_clocks(runs);
  for (auto& run : runs) {
    run.telemetry.throttled = false;
    for (const auto& clock : run.telemetry.clocks) {
      const auto median = medians.find(clock.core_type);
      if (median != medians.end() && clock.mean_mhz < median->second * (1 - kThrottledFraction))
        run.telemetry.throttled = true;
    }
  }
}

TestTelemetry summarize_telemetry(const std::vector<RunRecord>& runs,
                                  std::vector<std::string> problems) {
  TestTelemetry summary;
  summary.problems = std::move(problems);
  int counted = 0;
  for (const auto& run : runs) {
    if (run.warmup || !run.verified) continue;
    ++counted;
    const RunTelemetry* t = counted_telemetry(run);
    if (!t) continue;
    ++summary.runs;
    add_run(summary, *t);
    if (t->throttled) summary.throttled_runs.push_back(counted);
  }
  average(summary, runs);
  return summary;
}

std::optional<double> watts_of_kind(const std::vector<EnergyReading>& energy,
                                    const std::string& kind) {
  std::optional<double> watts;
  for (const auto& e : energy)
    if (e.kind == kind) watts = watts.value_or(0) + e.mean_watts;
  return watts;
}

nlohmann::json to_json(const RunTelemetry& t) {
  if (!t.recorded) return nullptr;
  return {{"samples", t.samples},
          {"seconds", t.seconds},
          {"sampler_cpu_seconds", t.sampler_cpu_seconds},
          {"clock", list_or_absent(t.clocks, clock_json)},
          {"temperature", list_or_absent(t.temperatures, temperature_json)},
          {"energy", list_or_absent(t.energy, energy_json)},
          {"throttle", throttle_json(t.throttle)},
          {"throttled", t.throttled}};
}

RunTelemetry run_telemetry_from_json(const nlohmann::json& j) {
  RunTelemetry t;
  if (!j.is_object()) return t;
  t.recorded = true;
  t.samples = j.value("samples", 0);
  t.seconds = j.value("seconds", 0.0);
  t.sampler_cpu_seconds = j.value("sampler_cpu_seconds", 0.0);
  for (const auto& c : items_of(j, "clock"))
    t.clocks.push_back({.core_type = c.at("core_type").get<std::string>(),
                        .mean_mhz = c.at("mean_mhz").get<double>(),
                        .min_mhz = c.at("min_mhz").get<double>()});
  for (const auto& s : items_of(j, "temperature"))
    t.temperatures.push_back({.sensor = s.at("sensor").get<std::string>(),
                              .max_celsius = s.at("max_celsius").get<double>()});
  for (const auto& e : items_of(j, "energy"))
    t.energy.push_back({.domain = e.at("domain").get<std::string>(),
                        .kind = e.at("kind").get<std::string>(),
                        .joules = e.at("joules").get<double>(),
                        .mean_watts = e.at("mean_watts").get<double>()});
  if (j.contains("throttle") && j.at("throttle").is_object())
    t.throttle = ThrottleReading{.core_events = event_count(j.at("throttle"), "core_events"),
                                 .package_events = event_count(j.at("throttle"), "package_events")};
  return t;
}

nlohmann::json to_json(const TestTelemetry& t) {
  const double overhead = t.sampled_seconds > 0 ? t.sampler_cpu_seconds / t.sampled_seconds : 0;
  return {{"runs", t.runs},
          {"clock", list_or_absent(t.clocks, clock_json)},
          {"temperature", list_or_absent(t.temperatures, temperature_json)},
          {"energy", list_or_absent(t.energy, energy_json)},
          {"throttle", throttle_json(t.throttle)},
          {"throttled_runs", t.throttled_runs},
          {"sampler_cpu_seconds", t.sampler_cpu_seconds},
          {"sampler_cpu_share",
           t.sampled_seconds > 0 ? nlohmann::json(overhead) : nlohmann::json(kNotAvailable)},
          {"problems", t.problems}};
}

}  // namespace corebench
