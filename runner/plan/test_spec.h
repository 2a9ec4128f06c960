// What one test of a suite is: a workload, its options, and where it runs.
#pragma once

#include <map>
#include <string>

namespace corebench {

struct TestSpec {
  std::string workload;
  std::map<std::string, std::string> options;  // as the user gave them
  std::string cpus;                            // CPU set expression; empty = the runner's default
  std::string threads;                         // a number or "all"; empty = one per CPU of the set
  // Rate mode (runner/plan/copies_plan.h): "N", "per-core", "per-type" or
  // "per-type:TYPE"; empty = one process. With copies, `threads` is per copy.
  std::string copies;

  // The test's identity across machines and files:
  // "ramspeed:op=copy,type=int" plus " @cpus=0 threads=1 copies=2" where they
  // are set.
  std::string name() const;
};

// Parses "workload[:name=value,...]". Throws Error.
TestSpec parse_test_spec(const std::string& text);

}  // namespace corebench
