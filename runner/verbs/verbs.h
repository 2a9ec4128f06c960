// One function per CLI verb; runner/cli.cpp only parses and dispatches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "workloads/registry.h"

namespace corebench {

int list_verb(const Registry& registry, bool json);
int info_verb(bool json);

struct RunArgs {
  std::vector<std::string> targets;  // suites and workload specs; empty = quick
  std::string cpus;
  std::string threads;
  std::optional<int> runs;
  std::string output;
  std::string reference;
  std::string label;
  double timeout = 600;
  double budget = 120;
  bool warmup = true;
};
int run_verb(const Registry& registry, const RunArgs& args);

struct CompareArgs {
  std::vector<std::string> files;
  std::string reference;
  std::string format = "text";
};
int compare_verb(const CompareArgs& args);

}  // namespace corebench
