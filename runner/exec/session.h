// Running a list of planned tests one by one, as `run` and `sweep` do: the
// machine's facts recorded first, every event told to the listeners (which
// show and save the results), Ctrl-C honoured.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/common/error.h"
#include "runner/exec/session_listener.h"
#include "runner/machine/topology.h"
#include "runner/plan/planned_test.h"
#include "runner/results/result.h"

namespace corebench {

// The exit statuses of run and sweep (corebench --help and the README say
// them): scripts and CI tell a good run from a bad one by these alone. An
// interrupted session exits 128 + the signal (exit_status).
inline constexpr int kAllOkExit = 0;       // every test ended ok
inline constexpr int kTestFailedExit = 1;  // a test failed, timed out or answered wrongly
inline constexpr int kInputErrorExit = 2;  // usage or input error before anything ran

// An error that stopped a session after tests had started (a result file
// that can no longer be written): not an input error, so exit status 1.
struct SessionAborted : Error {
  using Error::Error;
};

struct SessionSettings {
  std::optional<int> runs;  // exactly this many counted runs; else the stopping rule
  double budget = 120;      // seconds of counted runs the stopping rule may spend on a test
  bool warmup = true;
  double timeout = 600;                // seconds one step (setup or one run) may take
  std::string label;                   // the result's label; empty: the hostname
  std::vector<std::string> preflight;  // the pre-flight check's warnings, recorded in the file
  bool telemetry = true;               // the sampler; --no-telemetry turns it off
  // --append: the existing result file the new tests are added to; the
  // session refuses it (Error, before any test) unless the machine matches.
  std::optional<ResultFile> append_to;
  // What this session sets out to do, added to the file's sessions so that
  // `resume` can finish it; none when the session is itself a resumption.
  std::optional<SessionRecord> record;
};

struct Session {
  ResultFile result;
  bool interrupted = false;
  int stop_signal = 0;         // what interrupted it: SIGINT, SIGTERM or SIGHUP
  std::size_t first_test = 0;  // result.tests before it came from the appended-to file
};

// The verb's exit status: 128 + the signal when interrupted (130 for
// Ctrl-C), else kTestFailedExit when a test of this session did not end ok.
int exit_status(const Session& session);

// Listeners are told in their order. What a listener throws before the
// first test (the result-file writer: Error when the file cannot be
// written) comes out as it is; after that, as SessionAborted.
Session run_session(const std::vector<PlannedTest>& tests, const SessionSettings& settings,
                    const Topology& topology, const std::vector<SessionListener*>& listeners);

}  // namespace corebench
