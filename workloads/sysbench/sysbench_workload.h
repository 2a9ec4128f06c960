// The sysbench workload: a fixed number of events per run, handed out to the
// OpenMP threads one at a time, as Sysbench's worker threads each take the
// next event until the test ends. Sysbench runs for a time and counts the
// events; corebench runs a count and times it: the rate is the same.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/workload.h"

namespace corebench::sysbench {

class SysbenchWorkload final : public Workload {
 public:
  void setup(const OptionValues& options, const RunConfig& config) override;
  void prepare() override;
  RunOutput run() override;
  Verdict verify() override;

  // What the last run counted, one entry per event, for tests that damage it.
  std::vector<std::uint32_t>& counts() { return counts_; }

 private:
  unsigned int max_prime_ = 0;
  std::uint32_t expected_ = 0;         // from the sieve, before any run
  std::vector<std::uint32_t> counts_;  // a count fits: pi(10^7) is 664,579
};

}  // namespace corebench::sysbench
