// What `resume` has left to do in a result file: the planned tests of each
// recorded session that never ended (never started, still "running" when a
// killed run last wrote the file, or interrupted).
#pragma once

#include <vector>

#include "runner/results/result.h"

namespace corebench {

// Whether a test with this status is over: ok, failed, wrong answer,
// timeout or skipped. Interrupted and running tests are run again.
bool has_ended(Status status);

struct UnfinishedSession {
  std::size_t session = 0;               // index into ResultFile::sessions
  std::vector<PlannedTestRecord> tests;  // in the order they were planned
};

// Per recorded session with something left, its tests that have no ended
// result: a planned test is matched to an ended result of the same name,
// each result to one planned test, in the order of the sessions.
std::vector<UnfinishedSession> unfinished_sessions(const ResultFile& file);

// The file without the results that did not end, which resume replaces.
ResultFile without_unended_tests(ResultFile file);

}  // namespace corebench
