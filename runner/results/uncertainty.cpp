#include "runner/results/uncertainty.h"

#include <algorithm>
#include <bit>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <numeric>
#include <random>

namespace corebench {
namespace {

// Replicates of the median bootstrap: enough for stable 2.5 % and 97.5 %
// percentiles (50 replicates beyond each), cheap for 60 tests.
constexpr std::size_t kReplicates = 2000;
// Fixed, so that a comparison printed twice shows the same intervals.
constexpr std::uint64_t kBootstrapSeed = 0x636f726562656e63;  // "corebenc"

std::vector<double> logs(const std::vector<double>& values) {
  std::vector<double> out;
  out.reserve(values.size());
  for (double v : values) out.push_back(std::log(v));
  return out;
}

double mean(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// s^2 / n of the log values, with n - 1 degrees of freedom.
VarianceTerm variance_term(const std::vector<double>& log_values) {
  const double m = mean(log_values);
  double squares = 0;
  for (double x : log_values) squares += (x - m) * (x - m);
  const double n = static_cast<double>(log_values.size());
  return {squares / (n - 1) / n, n - 1};
}

// The q-quantile of sorted values, interpolated between neighbours.
double quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

Interval percentile_interval(std::vector<double> replicates) {
  std::sort(replicates.begin(), replicates.end());
  const double tail = (1 - kConfidence) / 2;
  return {quantile(replicates, tail), quantile(replicates, 1 - tail)};
}

// The median of a resample with replacement. The modulo's bias is below
// n / 2^64: nothing at run counts of a few dozen. (std::uniform_int_distribution
// would differ between standard libraries, and so would the intervals.)
double resampled_median(const std::vector<double>& values, std::mt19937_64& random,
                        std::vector<double>& scratch) {
  scratch.resize(values.size());
  for (double& x : scratch) x = values[random() % values.size()];
  return median(scratch);
}

// The fixed seed mixed with the values (FNV-1a over their bits): the same
// files give the same interval, and two tests of a geometric mean draw
// independent resamples (one seed for all would resample the same run
// positions in every test and correlate their replicates).
std::uint64_t seed_for(const std::vector<double>& a, const std::vector<double>& b) {
  std::uint64_t hash = kBootstrapSeed;
  for (const auto* side : {&a, &b})
    for (double x : *side) hash = (hash ^ std::bit_cast<std::uint64_t>(x)) * 0x100000001b3;
  return hash;
}

std::vector<double> bootstrap_differences(const std::vector<double>& a,
                                          const std::vector<double>& b) {
  std::mt19937_64 random(seed_for(a, b));
  std::vector<double> replicates, scratch;
  replicates.reserve(kReplicates);
  for (std::size_t i = 0; i < kReplicates; ++i) {
    const double ma = resampled_median(a, random, scratch);
    replicates.push_back(ma - resampled_median(b, random, scratch));
  }
  return replicates;
}

}  // namespace

Interval welch_interval(double value, const std::vector<VarianceTerm>& terms) {
  double variance = 0, df_denominator = 0;
  for (const auto& term : terms) {
    variance += term.variance;
    df_denominator += term.variance * term.variance / term.df;
  }
  // Every run identical on both sides: no spread, the interval is the point.
  if (variance == 0) return {value, value};
  const double df = variance * variance / df_denominator;  // Welch-Satterthwaite
  const boost::math::students_t t(df);
  const double half = boost::math::quantile(t, 1 - (1 - kConfidence) / 2) * std::sqrt(variance);
  return {value - half, value + half};
}

LogMultiplier log_multiplier(const std::vector<double>& samples,
                             const std::vector<double>& reference, Direction direction,
                             Statistic statistic) {
  // Lower is better: the multiplier is reference / value, so the sides swap.
  const bool higher = direction == Direction::HigherIsBetter;
  const std::vector<double> better = logs(higher ? samples : reference);
  const std::vector<double> worse = logs(higher ? reference : samples);
  LogMultiplier result;
  const bool spread_known = better.size() >= 2 && worse.size() >= 2;
  if (statistic == Statistic::Mean) {
    result.log_value = mean(better) - mean(worse);
    if (!spread_known) return result;
    result.terms = {variance_term(better), variance_term(worse)};
    result.log_interval = welch_interval(result.log_value, result.terms);
    return result;
  }
  result.log_value = median(better) - median(worse);
  if (!spread_known) return result;
  result.replicates = bootstrap_differences(better, worse);
  result.log_interval = percentile_interval(result.replicates);
  return result;
}

std::optional<LogMultiplier> log_geometric_mean(const std::vector<LogMultiplier>& tests,
                                                Statistic statistic) {
  if (tests.empty()) return std::nullopt;
  const double k = static_cast<double>(tests.size());
  LogMultiplier result;
  for (const auto& test : tests) result.log_value += test.log_value / k;
  const bool all_known = std::all_of(tests.begin(), tests.end(),
                                     [](const LogMultiplier& t) { return t.log_interval; });
  if (!all_known) return result;
  if (statistic == Statistic::Mean) {
    // Var(sum of d_k / K) = sum of Var(d_k) / K^2: the tests' runs are independent.
    for (const auto& test : tests)
      for (const auto& term : test.terms)
        result.terms.push_back({term.variance / (k * k), term.df});
    result.log_interval = welch_interval(result.log_value, result.terms);
    return result;
  }
  result.replicates.assign(kReplicates, 0.0);
  for (const auto& test : tests)
    for (std::size_t b = 0; b < kReplicates; ++b) result.replicates[b] += test.replicates[b] / k;
  result.log_interval = percentile_interval(result.replicates);
  return result;
}

Multiplier to_multiplier(const LogMultiplier& log) {
  Multiplier m{std::exp(log.log_value), std::nullopt};
  if (log.log_interval)
    m.interval = Interval{std::exp(log.log_interval->low), std::exp(log.log_interval->high)};
  return m;
}

std::vector<std::size_t> outlier_indices(const std::vector<double>& samples) {
  std::vector<std::size_t> outliers;
  if (samples.size() < 3) return outliers;
  const double centre = median(samples);
  std::vector<double> deviations;
  for (double x : samples) deviations.push_back(std::abs(x - centre));
  const double mad = median(deviations);
  if (mad == 0) return outliers;
  // 0.6745 makes the MAD an estimate of the standard deviation for normal data.
  for (std::size_t i = 0; i < samples.size(); ++i)
    if (std::abs(0.6745 * (samples[i] - centre) / mad) > kOutlierScore) outliers.push_back(i);
  return outliers;
}

}  // namespace corebench
