// The explicit list of workloads a corebench binary knows.
#pragma once

#include <string_view>
#include <vector>

#include "workloads/workload.h"

namespace corebench {

class Registry {
 public:
  explicit Registry(std::vector<WorkloadEntry> entries);

  const std::vector<WorkloadEntry>& entries() const { return entries_; }
  // nullptr when no workload has that id.
  const WorkloadEntry* find(std::string_view id) const;

 private:
  std::vector<WorkloadEntry> entries_;
};

// Every workload shipped in corebench, in the order `list` shows them.
const Registry& builtin_registry();

}  // namespace corebench
