// Clock and power beside the scores: the core types whose clocks the
// files recorded, and performance per watt where every file has energy of
// the same kind of domain (package, psys, core or soc, in that order of
// preference). Its multiplier is against the reference machine where its
// file has energy of that kind too, else against the first file (the
// reference files shipped in results/reference/ predate telemetry).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/results/result.h"

namespace corebench {

struct Efficiency {
  std::string kind;                 // the domain kind it divides by: "package"
  std::string unit;                 // "MB/s per W", "runs per kJ"
  std::vector<double> values;       // per file
  std::optional<double> reference;  // the reference's value, where it has energy of `kind`
  std::vector<double> multipliers;  // against `reference`, else the first file's value
};

// The kinds tried for performance per watt, best first.
inline const std::vector<std::string> kEfficiencyKinds = {"package", "psys", "core", "soc"};

// `tests`: one per file, null where the file lacks the test; `reference`:
// the reference's test, or null. nullopt unless every file's test is ok
// with energy of one kind. Higher is better for both units: a rate per
// watt, or runs per kJ of a timed test.
std::optional<Efficiency> efficiency(const std::vector<const TestResult*>& tests,
                                     const TestResult* reference);

// The core types named in the tests' clocks, in order of first appearance.
std::vector<std::string> clock_types(const std::vector<const TestResult*>& tests);

// The test's mean clock of `type` in GHz; nullopt where none was recorded.
std::optional<double> mean_ghz(const TestResult& test, const std::string& type);

}  // namespace corebench
