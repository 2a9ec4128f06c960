// corebench with the misbehaving test workloads added to the real ones.
#include "runner/cli/cli.h"
#include "support/misbehaving_workloads.h"

int main(int argc, char** argv) {
  std::vector<corebench::WorkloadEntry> entries = corebench::builtin_registry().entries();
  for (auto& entry : corebench::testing::misbehaving_workloads()) entries.push_back(entry);
  const corebench::Registry registry(std::move(entries));
  return corebench::corebench_main(argc, argv, registry);
}
