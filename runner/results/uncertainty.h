// How sure a multiplier is: 95 % confidence intervals from the stored runs
// of both files, the geometric mean's own interval, a tie mark, and the
// outlier runs of a test.
//
// Everything is computed on log values. Run times (and rates) vary
// multiplicatively: a run 3 % slow is 3 % slow whatever the scale, and a
// multiplier is a ratio. On logs a ratio is a difference, so its interval is
// the exponential of the log-difference's interval, symmetric around the
// estimate in the sense that matters (x1.04 and /1.04), and multipliers of
// tests with different units combine in the geometric mean by averaging.
//
// --statistic mean: Welch's t interval for the difference of the mean log
// values (unequal variances and run counts are the normal case: the
// reference machine may have run 3 times, this one 12), with Student t
// quantiles from Boost.Math. The estimate is the ratio of the runs'
// geometric means. The geometric mean over tests is the mean of the tests'
// log multipliers; its variance is the sum of every file's per-test
// variance terms (s^2 / n) over K^2, its degrees of freedom those terms'
// Welch-Satterthwaite combination. It says how much run-to-run noise moves
// the geometric mean of these tests, not how another choice of tests would.
//
// --statistic median: the ratio of the medians, with a percentile bootstrap
// interval: each replicate resamples the log values of both files with
// replacement (a fixed seed, so the same files always give the same
// interval) and takes the difference of the resampled medians. The
// geometric mean's interval uses the same replicates: replicate b's
// geometric mean is the mean over tests of their replicate b.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "workloads/workload.h"

namespace corebench {

enum class Statistic { Mean, Median };

inline constexpr double kConfidence = 0.95;

struct Interval {
  double low = 0;
  double high = 0;
  bool contains(double x) const { return low <= x && x <= high; }
};

// One file's contribution to a log difference's variance: s^2 / n and its
// degrees of freedom (n - 1).
struct VarianceTerm {
  double variance = 0;
  double df = 0;
};

// A multiplier on the log scale, with what the geometric mean needs of it.
struct LogMultiplier {
  double log_value = 0;
  std::optional<Interval> log_interval;  // none with fewer than 2 runs on a side
  std::vector<VarianceTerm> terms;       // mean: one per file
  std::vector<double> replicates;        // median: the bootstrap's log differences
};

// The multiplier of `samples` against `reference` (both positive values in
// the test's unit; at least one each), above 1 when better.
LogMultiplier log_multiplier(const std::vector<double>& samples,
                             const std::vector<double>& reference, Direction direction,
                             Statistic statistic);

// The geometric mean of multipliers made with the same statistic; nullopt
// for none. Its interval exists when every one has one.
std::optional<LogMultiplier> log_geometric_mean(const std::vector<LogMultiplier>& tests,
                                                Statistic statistic);

// The two-sided Welch interval of a log difference `value` with these
// variance terms: value -/+ t(df) * sqrt(sum).
Interval welch_interval(double value, const std::vector<VarianceTerm>& terms);

// A multiplier and its interval as people read them (exp of the log ones).
struct Multiplier {
  double value = 0;
  std::optional<Interval> interval;
  // The interval contains 1.00x: no difference the runs can tell.
  bool tie() const { return interval && interval->contains(1.0); }
};
Multiplier to_multiplier(const LogMultiplier& log);

// Outliers as hyperfine finds them: modified z-score M = 0.6745 (x - median)
// / MAD (Iglewicz and Hoaglin), |M| > 3.5. Indices into `samples`. None when
// the MAD is 0 (half the runs equal: the score is undefined).
inline constexpr double kOutlierScore = 3.5;
std::vector<std::size_t> outlier_indices(const std::vector<double>& samples);

}  // namespace corebench
