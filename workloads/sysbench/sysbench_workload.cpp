#include "workloads/sysbench/sysbench_workload.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "workloads/sysbench/prime_event.h"
#include "workloads/sysbench/prime_sieve.h"

namespace corebench::sysbench {
namespace {

// No event counts this many primes: a poisoned slot shows an event that did
// not run.
constexpr std::uint32_t kNotRun = std::numeric_limits<std::uint32_t>::max();

// About a second of one thread's events at max-prime 10000 on the 2-vCPU AMD
// EPYC development VM (Sysbench 1.0.20 there: about 4,100 events/s a thread).
constexpr std::int64_t kEventsPerThreadSecond = 4100;
constexpr std::int64_t kAutoSeconds = 10;

// An event's cost grows as the primes' divisions do, about
// max-prime^1.5 / ln(max-prime); scaled from the default's.
std::int64_t auto_events(unsigned int max_prime, int threads) {
  const double n = std::max(3.0, static_cast<double>(max_prime));
  const double cost = std::pow(n / 1e4, 1.5) * std::log(1e4) / std::log(n);
  const double events = static_cast<double>(kEventsPerThreadSecond * kAutoSeconds) *
                        static_cast<double>(std::max(1, threads)) / cost;
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(events));
}

}  // namespace

void SysbenchWorkload::setup(const OptionValues& options, const RunConfig& config) {
  max_prime_ = static_cast<unsigned int>(options.integer("max-prime"));
  const std::int64_t events = options.is_auto("events") ? auto_events(max_prime_, config.threads)
                                                        : options.integer("events");
  expected_ = static_cast<std::uint32_t>(count_odd_primes_below(max_prime_));
  counts_.assign(static_cast<std::size_t>(events), kNotRun);
}

void SysbenchWorkload::prepare() {
  std::fill(counts_.begin(), counts_.end(), kNotRun);
}

RunOutput SysbenchWorkload::run() {
  const auto events = static_cast<std::int64_t>(counts_.size());
  const unsigned int max_prime = max_prime_;
#pragma omp parallel for schedule(dynamic)
  for (std::int64_t i = 0; i < events; ++i)
    counts_[static_cast<std::size_t>(i)] =
        static_cast<std::uint32_t>(count_primes_by_trial_division(max_prime));
  return {static_cast<double>(events)};
}

Verdict SysbenchWorkload::verify() {
  std::size_t bad = 0;
  std::size_t first_bad = counts_.size();
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i] != expected_) {
      if (bad++ == 0) first_bad = i;
    }
  }
  Verdict verdict;
  verdict.ok = bad == 0;
  verdict.facts = {{"events", static_cast<double>(counts_.size())},
                   {"primes_per_event", static_cast<double>(expected_)},
                   {"bad_events", static_cast<double>(bad)}};
  if (bad == 0)
    verdict.detail =
        fmt::format("all {} events counted {} primes in [3, {}), as the sieve of Eratosthenes does",
                    counts_.size(), expected_, max_prime_);
  else if (counts_[first_bad] == kNotRun)
    verdict.detail =
        fmt::format("{} of {} events wrong; event {} did not run", bad, counts_.size(), first_bad);
  else
    verdict.detail = fmt::format("{} of {} events wrong; event {} counted {} primes, the sieve {}",
                                 bad, counts_.size(), first_bad, counts_[first_bad], expected_);
  return verdict;
}

}  // namespace corebench::sysbench
