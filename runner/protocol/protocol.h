// What the runner and a test's child process say to each other.
//
// The parent starts `corebench exec --request JSON`; it writes commands to
// the child's stdin, one per line ("run", "run warmup", "quit"), and reads
// one JSON object per line from the child's fd 3: "ready" after setup, a
// "run" after every run, an "error" when setup fails. The child's stdout and
// stderr stay free for whatever a workload or a library prints.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runner/results/result.h"

namespace corebench {

inline constexpr int kProtocolFd = 3;

struct ExecRequest {
  std::string workload;
  std::map<std::string, std::string> options;
  int threads = 1;
  std::uint64_t last_level_cache_bytes = 0;
  std::uint64_t memory_bytes = 0;
  std::vector<int> planned_cpus;  // OpenMP thread i is bound to [i % size]; empty: unbound
  std::string schedule;           // for schedule(runtime) loops; empty: the runtime's
};

nlohmann::json to_json(const ExecRequest& request);
ExecRequest exec_request_from_json(const nlohmann::json& j);

// One line from the child.
// A run is three lines: its timing starts (after prepare), its timing
// ends (before verify), then its record; the parent samples the sensors
// between the first two only.
struct ChildMessage {
  enum class Type { Ready, TimingStarts, TimingEnds, Run, Error } type = Type::Error;
  std::string error;  // Error: why setup failed
  RunRecord run;      // Run
};

std::string encode(const ChildMessage& message);
ChildMessage decode_child_message(const std::string& line);  // throws Error

}  // namespace corebench
