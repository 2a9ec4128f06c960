#include "runner/results/uncertainty.h"

#include <gtest/gtest.h>

#include <cmath>

namespace corebench {
namespace {

// Values whose logs are `logs`: intervals on log values are then by hand.
std::vector<double> exps(std::vector<double> logs) {
  for (double& x : logs) x = std::exp(x);
  return logs;
}

constexpr auto kHigher = Direction::HigherIsBetter;
constexpr auto kLower = Direction::LowerIsBetter;

TEST(WelchInterval, EqualSpreadsByHand) {
  // logs {4,5,6} against {1,2,3}: difference 3, each side s^2/n = 1/3 with
  // 2 df, so Welch's df = (2/3)^2 / (2 (1/3)^2 / 2) = 4; t(0.975, 4) =
  // 2.776445 (tables), half-width 2.776445 sqrt(2/3) = 2.266958.
  const LogMultiplier m =
      log_multiplier(exps({4, 5, 6}), exps({1, 2, 3}), kHigher, Statistic::Mean);
  EXPECT_NEAR(m.log_value, 3, 1e-12);
  ASSERT_TRUE(m.log_interval);
  EXPECT_NEAR(m.log_interval->low, 3 - 2.266958, 1e-5);
  EXPECT_NEAR(m.log_interval->high, 3 + 2.266958, 1e-5);
  EXPECT_FALSE(to_multiplier(m).tie());
  EXPECT_NEAR(to_multiplier(m).value, std::exp(3.0), 1e-9);
}

TEST(WelchInterval, UnequalSpreadsTakeSatterthwaiteDf) {
  // One side without spread: df is the other side's n - 1 = 2; t(0.975, 2)
  // = 4.302653, half-width 4.302653 sqrt(1/3) = 2.484138.
  const Interval i = welch_interval(2, {{1.0 / 3, 2}, {0, 2}});
  EXPECT_NEAR(i.low, 2 - 2.484138, 1e-5);
  EXPECT_NEAR(i.high, 2 + 2.484138, 1e-5);
  // No spread anywhere: the interval is the point.
  const Interval point = welch_interval(0.5, {{0, 2}, {0, 4}});
  EXPECT_EQ(point.low, 0.5);
  EXPECT_EQ(point.high, 0.5);
}

TEST(Significance, ANoisyDeadHeatIsATie) {
  const Multiplier m = to_multiplier(
      log_multiplier({100, 103, 97, 101}, {101, 99, 102, 98}, kHigher, Statistic::Mean));
  EXPECT_NEAR(m.value, 1.0, 0.02);
  EXPECT_TRUE(m.tie());
}

TEST(Significance, AClearDifferenceIsNot) {
  const Multiplier m =
      to_multiplier(log_multiplier({200, 202, 198}, {100, 101, 99}, kHigher, Statistic::Mean));
  EXPECT_NEAR(m.value, 2.0, 0.01);
  ASSERT_TRUE(m.interval);
  EXPECT_FALSE(m.tie());
  EXPECT_GT(m.interval->low, 1.9);
  EXPECT_LT(m.interval->high, 2.1);
}

TEST(Significance, LowerIsBetterInvertsTheInterval) {
  const Multiplier higher =
      to_multiplier(log_multiplier({200, 202, 198}, {100, 101, 99}, kHigher, Statistic::Mean));
  const Multiplier lower =
      to_multiplier(log_multiplier({200, 202, 198}, {100, 101, 99}, kLower, Statistic::Mean));
  EXPECT_NEAR(lower.value, 1 / higher.value, 1e-12);
  EXPECT_NEAR(lower.interval->low, 1 / higher.interval->high, 1e-12);
  EXPECT_NEAR(lower.interval->high, 1 / higher.interval->low, 1e-12);
}

TEST(Significance, OneRunGivesNoIntervalAndNoTie) {
  const Multiplier m = to_multiplier(log_multiplier({100}, {100, 101}, kHigher, Statistic::Mean));
  EXPECT_FALSE(m.interval);
  EXPECT_FALSE(m.tie());
  EXPECT_FALSE(log_multiplier({100, 101}, {100}, kHigher, Statistic::Median).log_interval);
}

TEST(GeometricMeanInterval, SumsTheTestsVarianceTerms) {
  // Two tests like EqualSpreadsByHand (differences 3 and 1): mean 2; four
  // terms of (1/3)/4 with 2 df: variance 1/3, df = (1/3)^2 / (4 (1/12)^2 / 2)
  // = 8; t(0.975, 8) = 2.306004, half-width 2.306004 sqrt(1/3) = 1.331372.
  const std::vector<LogMultiplier> tests = {
      log_multiplier(exps({4, 5, 6}), exps({1, 2, 3}), kHigher, Statistic::Mean),
      log_multiplier(exps({2, 3, 4}), exps({1, 2, 3}), kHigher, Statistic::Mean)};
  const auto g = log_geometric_mean(tests, Statistic::Mean);
  ASSERT_TRUE(g && g->log_interval);
  EXPECT_NEAR(g->log_value, 2, 1e-12);
  EXPECT_NEAR(g->log_interval->low, 2 - 1.331372, 1e-5);
  EXPECT_NEAR(g->log_interval->high, 2 + 1.331372, 1e-5);
  EXPECT_FALSE(log_geometric_mean({}, Statistic::Mean));
}

TEST(GeometricMeanInterval, NoneWhenATestHasNone) {
  const std::vector<LogMultiplier> tests = {
      log_multiplier({2, 2.1}, {1, 1.1}, kHigher, Statistic::Mean),
      log_multiplier({2}, {1}, kHigher, Statistic::Mean)};
  const auto g = log_geometric_mean(tests, Statistic::Mean);
  ASSERT_TRUE(g);
  EXPECT_FALSE(g->log_interval);
  EXPECT_NEAR(std::exp(g->log_value), 2, 0.05);
}

TEST(MedianInterval, BootstrapPercentilesByHand) {
  // logs {1,2,3} against a constant: a resample's median is 1 with
  // probability 7/27 (two or three draws of 1), 3 likewise, so the 2.5 % and
  // 97.5 % percentiles of the replicates are exactly 1 and 3.
  const LogMultiplier m = log_multiplier(exps({1, 2, 3}), {1, 1, 1}, kHigher, Statistic::Median);
  EXPECT_NEAR(m.log_value, 2, 1e-12);
  ASSERT_TRUE(m.log_interval);
  EXPECT_NEAR(m.log_interval->low, 1, 1e-12);
  EXPECT_NEAR(m.log_interval->high, 3, 1e-12);
}

TEST(MedianInterval, RatioOfMediansTiesAndDifferences) {
  const std::vector<double> a = {100, 150, 101, 99, 102};  // one slow-looking run
  const Multiplier m =
      to_multiplier(log_multiplier(a, {50, 51, 49, 50, 52}, kHigher, Statistic::Median));
  EXPECT_NEAR(m.value, 101.0 / 50, 1e-12);  // medians, not means: 150 moves nothing
  EXPECT_FALSE(m.tie());
  const Multiplier tie = to_multiplier(
      log_multiplier({100, 103, 97, 101, 99}, {101, 99, 102, 98, 100}, kHigher, Statistic::Median));
  EXPECT_TRUE(tie.tie());
}

TEST(MedianInterval, SameFilesSameInterval) {
  const std::vector<double> a = {10, 11, 12, 10.5, 11.5}, b = {9, 9.5, 10, 9.2};
  const auto first = log_multiplier(a, b, kHigher, Statistic::Median);
  const auto second = log_multiplier(a, b, kHigher, Statistic::Median);
  EXPECT_EQ(first.log_interval->low, second.log_interval->low);
  EXPECT_EQ(first.log_interval->high, second.log_interval->high);
}

TEST(MedianInterval, GeometricMeanFromTheSameReplicates) {
  const std::vector<LogMultiplier> tests = {
      log_multiplier(exps({1, 2, 3}), {1, 1, 1}, kHigher, Statistic::Median),
      log_multiplier(exps({1, 2, 3}), {1, 1, 1}, kHigher, Statistic::Median)};
  const auto g = log_geometric_mean(tests, Statistic::Median);
  ASSERT_TRUE(g && g->log_interval);
  EXPECT_NEAR(g->log_value, 2, 1e-12);
  // Identical tests draw identical replicates: their mean is one test's.
  EXPECT_NEAR(g->log_interval->low, 1, 1e-12);
  EXPECT_NEAR(g->log_interval->high, 3, 1e-12);
}

TEST(Outliers, ModifiedZScoreAboveThreePointFive) {
  EXPECT_EQ(outlier_indices({10, 10.1, 9.9, 10.05, 9.95, 15}), std::vector<std::size_t>{5});
  // {1,2,3,4,x}: median 3, MAD 1, so M(x) = 0.6745 (x - 3): the line is
  // x = 3 + 3.5 / 0.6745 = 8.189.
  EXPECT_TRUE(outlier_indices({1, 2, 3, 4, 8.18}).empty());
  EXPECT_EQ(outlier_indices({1, 2, 3, 4, 8.20}), std::vector<std::size_t>{4});
  EXPECT_EQ(outlier_indices({-5, 2, 3, 4, 1}), std::vector<std::size_t>{0});
}

TEST(Outliers, NoneWithoutSpreadOrRuns) {
  EXPECT_TRUE(outlier_indices({5, 5, 5, 9}).empty());  // MAD 0
  EXPECT_TRUE(outlier_indices({1, 100}).empty());
  EXPECT_TRUE(outlier_indices({}).empty());
}

}  // namespace
}  // namespace corebench
