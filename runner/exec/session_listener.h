// What a session tells whoever shows or keeps its results: the progress
// display, the result-file writer, a sweep's table. Each event hands over
// the whole result so far; the test an event is about is result.tests.back().
// A listener overrides the events it reacts to.
#pragma once

#include <cstddef>

#include "runner/results/result.h"

namespace corebench {

class SessionListener {
 public:
  virtual ~SessionListener() = default;

  // Before the first test: `result` holds the machine's facts, no tests.
  virtual void session_started(const ResultFile& /*result*/, std::size_t /*planned_tests*/) {}
  // `index` counts from 0; the test is described, nothing has run.
  virtual void test_started(const ResultFile& /*result*/, std::size_t /*index*/) {}
  // After the test's setup and after each of its runs.
  virtual void run_finished(const ResultFile& /*result*/) {}
  virtual void test_finished(const ResultFile& /*result*/) {}
  virtual void session_finished(const ResultFile& /*result*/, bool /*interrupted*/) {}
};

}  // namespace corebench
