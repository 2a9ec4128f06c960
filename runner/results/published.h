// What a review published: its machines and, per result, the multipliers it
// gave them against its reference machine, kept as TOML files in
// results/published/ (figures only, never the review's text), each result
// mapped to the tests of the suite that reproduces the review.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "workloads/workload.h"

namespace corebench {

// A published multiplier: a value (low == high) or the range the review's
// text gives. Above 1.00 is better than the review's reference machine.
struct PublishedFigure {
  double low = 0;
  double high = 0;
  bool contains(double x) const { return low <= x && x <= high; }
};

struct PublishedMachine {
  std::string name;    // what --as names it by: "DGX Spark"
  std::string system;  // what the review says it was
};

struct PublishedResult {
  std::string name;                                // as the review names the result
  std::string where;                               // where in the review its figure is
  Direction direction = Direction::LowerIsBetter;  // of the review's metric
  std::vector<std::string> tests;                  // the suite's test names (TestSpec::name())
  std::string missing;  // why `tests` is empty: what corebench still lacks
  std::string note;
  std::map<std::string, PublishedFigure> figures;  // by machine name
};

struct PublishedReview {
  std::string name;       // the file's stem: what --published names
  std::string title;      // the review, cited
  std::string suite;      // the suite (profiles/suites/NAME.toml) its tests belong to
  std::string reference;  // the machine at 1.00
  std::vector<PublishedMachine> machines;
  std::vector<PublishedResult> results;

  // The result a test name maps to; nullptr if none.
  const PublishedResult* result_of(const std::string& test) const;
  bool has_machine(const std::string& name) const;
  std::string machine_names() const;  // "DGX Spark, Strix Halo", for messages
};

// Reads one file. Throws Error naming the file, line and key.
PublishedReview load_published(const std::filesystem::path& file);

// The reviews in results/published/.
std::vector<std::string> published_names();

// results/published/NAME.toml, read. Throws Error naming the reviews there
// when there is no such file.
PublishedReview find_published(const std::string& name);

}  // namespace corebench
