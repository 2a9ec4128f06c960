// Run-until-stable statistics, the way the Phoronix Test Suite does them:
// at least three counted runs, more while the spread is large, within a cap
// and a time budget.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace corebench {

struct Summary {
  std::size_t n = 0;
  double mean = 0;
  double median = 0;
  double sd = 0;   // sample standard deviation (n - 1)
  double rsd = 0;  // sd / mean
  double se = 0;   // sd / sqrt(n)
  double min = 0;
  double max = 0;

  // Spread above which a result is flagged as noisy.
  static constexpr double kNoisyRsd = 0.06;
  bool noisy() const { return rsd > kNoisyRsd; }
};

Summary summarize(const std::vector<double>& samples);

struct StoppingRule {
  int min_runs = 3;
  double target_rsd = 0.025;
  // Wall-clock seconds of counted runs after which no run is added.
  double time_budget = 120;
  // --runs N: exactly N counted runs, no more, no fewer.
  std::optional<int> exact_runs;

  // The most counted runs, from the length of one run: short tests may go
  // to 4x the minimum, long ones get fewer extra runs.
  int max_runs(double seconds_per_run) const;

  // Whether to do another counted run after `samples`, which took
  // `elapsed` seconds of counted runs so far.
  bool want_more(const std::vector<double>& samples, double elapsed) const;
};

}  // namespace corebench
