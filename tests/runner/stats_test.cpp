#include "runner/results/stats.h"

#include <gtest/gtest.h>

#include <cmath>

namespace corebench {
namespace {

TEST(Summarize, KnownSamplesGiveKnownFigures) {
  // mean 5, squared deviations 9+1+1+9 = 20, sample variance 20/3.
  const Summary s = summarize({2, 4, 6, 8});
  EXPECT_EQ(s.n, 4u);
  EXPECT_DOUBLE_EQ(s.mean, 5);
  EXPECT_DOUBLE_EQ(s.median, 5);
  EXPECT_DOUBLE_EQ(s.sd, std::sqrt(20.0 / 3));
  EXPECT_DOUBLE_EQ(s.se, std::sqrt(20.0 / 3) / 2);
  EXPECT_DOUBLE_EQ(s.rsd, std::sqrt(20.0 / 3) / 5);
  EXPECT_DOUBLE_EQ(s.min, 2);
  EXPECT_DOUBLE_EQ(s.max, 8);
  EXPECT_TRUE(s.noisy());
}

TEST(Summarize, OddCountMedianAndSingleSample) {
  EXPECT_DOUBLE_EQ(summarize({9, 1, 5}).median, 5);
  const Summary one = summarize({3});
  EXPECT_EQ(one.sd, 0);
  EXPECT_EQ(one.se, 0);
  EXPECT_FALSE(one.noisy());
  EXPECT_EQ(summarize({}).n, 0u);
}

TEST(Summarize, SixPercentIsTheNoisyLine) {
  EXPECT_FALSE(summarize({100, 100, 100}).noisy());
  EXPECT_TRUE(summarize({90, 100, 110}).noisy());   // rsd 10 %
  EXPECT_FALSE(summarize({97, 100, 103}).noisy());  // rsd 3 %
}

TEST(StoppingRule, AtLeastThreeRuns) {
  StoppingRule rule;
  EXPECT_TRUE(rule.want_more({}, 0));
  EXPECT_TRUE(rule.want_more({100, 100}, 2));
  EXPECT_FALSE(rule.want_more({100, 100, 100}, 3));
}

TEST(StoppingRule, AddsRunsWhileSpreadIsLarge) {
  StoppingRule rule;
  EXPECT_TRUE(rule.want_more({90, 100, 110}, 3));   // rsd 10 % >= 2.5 %
  EXPECT_FALSE(rule.want_more({99, 100, 101}, 3));  // rsd 1 %
}

TEST(StoppingRule, CapsShortTestsAtFourTimesTheMinimum) {
  StoppingRule rule;
  std::vector<double> noisy;
  for (int i = 0; i < 12; ++i) noisy.push_back(i % 2 ? 50 : 150);
  EXPECT_EQ(rule.max_runs(1.0), 12);
  EXPECT_FALSE(rule.want_more(noisy, 12 * 1.0));
  noisy.pop_back();
  EXPECT_TRUE(rule.want_more(noisy, 11 * 1.0));
}

TEST(StoppingRule, LongRunsGetFewerExtraRuns) {
  StoppingRule rule;
  rule.time_budget = 1e9;
  EXPECT_EQ(rule.max_runs(30), 6);
  EXPECT_EQ(rule.max_runs(100), 3);
  EXPECT_FALSE(rule.want_more({50, 150, 100}, 300));  // 100 s each: no extra run
  EXPECT_TRUE(rule.want_more({50, 150, 100}, 90));    // 30 s each: may go on
}

TEST(StoppingRule, TimeBudgetStopsExtraRuns) {
  StoppingRule rule;
  rule.time_budget = 10;
  EXPECT_FALSE(rule.want_more({50, 150, 100}, 9));  // another 3 s run would pass 10 s
  EXPECT_TRUE(rule.want_more({50, 150}, 1000));     // but never fewer than three
}

TEST(StoppingRule, ExactRunsOverridesEverything) {
  StoppingRule rule;
  rule.exact_runs = 5;
  EXPECT_TRUE(rule.want_more({1, 1, 1, 1}, 4));
  EXPECT_FALSE(rule.want_more({1, 100, 1, 100, 1}, 5));
  rule.exact_runs = 1;
  EXPECT_FALSE(rule.want_more({1}, 1));
}

}  // namespace
}  // namespace corebench
