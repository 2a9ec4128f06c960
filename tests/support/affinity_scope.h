// Restricts the calling test thread (and so every process it starts) to
// some CPUs until it goes out of scope, as taskset or a container would.
#pragma once

#include <vector>

#include "workloads/common/cpu_mask.h"

namespace corebench::testing {

class AffinityScope {
 public:
  explicit AffinityScope(const std::vector<int>& cpus) : saved_(allowed_cpus()) {
    pin_calling_thread(cpus);
  }
  ~AffinityScope() { pin_calling_thread(saved_); }
  AffinityScope(const AffinityScope&) = delete;
  AffinityScope& operator=(const AffinityScope&) = delete;

 private:
  std::vector<int> saved_;
};

}  // namespace corebench::testing
