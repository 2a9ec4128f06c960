#include "workloads/sysbench/sysbench.h"

#include <gtest/gtest.h>

#include "support/thread_count.h"
#include "workloads/sysbench/prime_event.h"
#include "workloads/sysbench/prime_sieve.h"
#include "workloads/sysbench/sysbench_workload.h"

namespace corebench {
namespace {

using sysbench::count_odd_primes_below;
using sysbench::count_primes_by_trial_division;
using sysbench::SysbenchWorkload;

OptionValues options(const std::map<std::string, std::string>& given) {
  return OptionValues::resolve(make_sysbench_entry().info.options, given);
}

TEST(SysbenchPrimes, SieveKnowsPi) {
  EXPECT_EQ(count_odd_primes_below(3), 0u);
  EXPECT_EQ(count_odd_primes_below(4), 1u);     // 3
  EXPECT_EQ(count_odd_primes_below(101), 24u);  // pi(100) = 25, less 2
  EXPECT_EQ(count_odd_primes_below(10000), 1228u);
}

TEST(SysbenchPrimes, TrialDivisionAgreesWithTheSieve) {
  for (const unsigned int n : {3u, 4u, 5u, 9u, 10u, 26u, 49u, 50u, 121u, 1000u, 7920u, 10000u})
    EXPECT_EQ(count_primes_by_trial_division(n), count_odd_primes_below(n)) << n;
}

TEST(SysbenchWorkload, EventsVerifyOnEveryThread) {
  ThreadCount threads(2);
  SysbenchWorkload workload;
  workload.setup(options({{"events", "6"}, {"max-prime", "2000"}}), {2, 0, 0});
  workload.prepare();
  EXPECT_DOUBLE_EQ(workload.run().work, 6);
  const Verdict verdict = workload.verify();
  EXPECT_TRUE(verdict.ok) << verdict.detail;
  EXPECT_EQ(verdict.facts.at("primes_per_event"), 302);  // pi(1999) = 303
}

TEST(SysbenchWorkload, WrongCountIsCaught) {
  SysbenchWorkload workload;
  workload.setup(options({{"events", "3"}, {"max-prime", "500"}}), {1, 0, 0});
  workload.prepare();
  workload.run();
  workload.counts()[1] += 1;
  const Verdict verdict = workload.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.facts.at("bad_events"), 1);
  EXPECT_NE(verdict.detail.find("event 1 counted"), std::string::npos) << verdict.detail;
}

TEST(SysbenchWorkload, EventThatDidNotRunIsCaught) {
  SysbenchWorkload workload;
  workload.setup(options({{"events", "3"}, {"max-prime", "500"}}), {1, 0, 0});
  workload.prepare();  // no run after it
  const Verdict verdict = workload.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_NE(verdict.detail.find("did not run"), std::string::npos) << verdict.detail;
}

TEST(SysbenchWorkload, AutoEventsScaleWithThreadsAndCost) {
  SysbenchWorkload one, two, dearer;
  one.setup(options({}), {1, 0, 0});
  two.setup(options({}), {2, 0, 0});
  dearer.setup(options({{"max-prime", "40000"}}), {1, 0, 0});
  EXPECT_EQ(two.counts().size(), 2 * one.counts().size());
  EXPECT_LT(dearer.counts().size() * 6, one.counts().size());
}

TEST(SysbenchOptions, BadValuesAreOptionErrors) {
  EXPECT_THROW(options({{"max-prime", "2"}}), OptionError);
  EXPECT_THROW(options({{"max-prime", "many"}}), OptionError);
  EXPECT_THROW(options({{"events", "0"}}), OptionError);
  EXPECT_THROW(options({{"primes", "10"}}), OptionError);
}

}  // namespace
}  // namespace corebench
