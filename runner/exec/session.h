// Running a list of planned tests one by one, as `run` and `sweep` do: the
// machine's facts recorded first, every event told to the listeners (which
// show and save the results), Ctrl-C honoured.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/exec/session_listener.h"
#include "runner/machine/topology.h"
#include "runner/plan/planned_test.h"
#include "runner/results/result.h"

namespace corebench {

// The exit status of a verb the user interrupted with Ctrl-C.
inline constexpr int kInterruptedExit = 130;

struct SessionSettings {
  std::optional<int> runs;  // exactly this many counted runs; else the stopping rule
  double budget = 120;      // seconds of counted runs the stopping rule may spend on a test
  bool warmup = true;
  double timeout = 600;                // seconds one step (setup or one run) may take
  std::string label;                   // the result's label; empty: the hostname
  std::vector<std::string> preflight;  // the pre-flight check's warnings, recorded in the file
};

struct Session {
  ResultFile result;
  bool interrupted = false;
};

// Listeners are told in their order. Throws what a listener throws (the
// result-file writer: Error when the file cannot be written).
Session run_session(const std::vector<PlannedTest>& tests, const SessionSettings& settings,
                    const Topology& topology, const std::vector<SessionListener*>& listeners);

}  // namespace corebench
