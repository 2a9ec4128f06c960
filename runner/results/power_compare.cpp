#include "runner/results/power_compare.h"

#include <algorithm>

namespace corebench {
namespace {

// Joules per counted run and mean watts of the domains of `kind`, summed
// (sockets, cores); nullopt when the test has none of that kind.
struct Draw {
  double joules = 0;
  double watts = 0;
};

std::optional<Draw> draw_of(const TestResult& test, const std::string& kind) {
  if (test.status != Status::Ok || test.telemetry.runs == 0) return std::nullopt;
  std::optional<Draw> draw;
  for (const auto& e : test.telemetry.energy) {
    if (e.kind != kind) continue;
    if (!draw) draw.emplace();
    draw->joules += e.joules;
    draw->watts += e.mean_watts;
  }
  if (draw && (draw->joules <= 0 || draw->watts <= 0)) return std::nullopt;
  return draw;
}

bool all_have(const std::vector<const TestResult*>& tests, const std::string& kind) {
  return std::all_of(tests.begin(), tests.end(),
                     [&](const TestResult* t) { return t && draw_of(*t, kind); });
}

// A rate per watt; a timed test (lower is better) as runs per kJ, so that
// higher is better either way.
double per_energy(const TestResult& test, const Draw& draw) {
  if (test.direction == Direction::HigherIsBetter) return test.summary.mean / draw.watts;
  return 1000 / draw.joules;
}

}  // namespace

std::optional<Efficiency> efficiency(const std::vector<const TestResult*>& tests,
                                     const TestResult* reference) {
  if (tests.empty()) return std::nullopt;
  const auto kind = std::find_if(kEfficiencyKinds.begin(), kEfficiencyKinds.end(),
                                 [&](const std::string& k) { return all_have(tests, k); });
  if (kind == kEfficiencyKinds.end()) return std::nullopt;
  Efficiency e;
  e.kind = *kind;
  const TestResult& first = *tests.front();
  e.unit = first.direction == Direction::HigherIsBetter ? first.unit + " per W" : "runs per kJ";
  for (const TestResult* test : tests)
    e.values.push_back(per_energy(*test, *draw_of(*test, *kind)));
  if (reference && reference->direction == first.direction)
    if (const auto draw = draw_of(*reference, *kind)) e.reference = per_energy(*reference, *draw);
  const double base = e.reference.value_or(e.values.front());
  for (const auto& value : e.values) e.multipliers.push_back(value / base);
  return e;
}

std::vector<std::string> clock_types(const std::vector<const TestResult*>& tests) {
  std::vector<std::string> types;
  for (const TestResult* test : tests) {
    if (!test) continue;
    for (const auto& clock : test->telemetry.clocks)
      if (std::find(types.begin(), types.end(), clock.core_type) == types.end())
        types.push_back(clock.core_type);
  }
  return types;
}

std::optional<double> mean_ghz(const TestResult& test, const std::string& type) {
  for (const auto& clock : test.telemetry.clocks)
    if (clock.core_type == type) return clock.mean_mhz / 1000;
  return std::nullopt;
}

}  // namespace corebench
