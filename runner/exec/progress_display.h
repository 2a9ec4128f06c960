// What the user sees while a suite runs: which test, which run, how long it
// has taken and about how long is left, and each test's result line with its
// multiplier against the reference.
#pragma once

#include <cstddef>
#include <string>

#include "runner/exec/session.h"

namespace corebench {

class ProgressDisplay final : public SessionListener {
 public:
  // The settings' runs (else the stopping rule's least) estimate the time
  // left; `reference` (may be null) gives the result lines their multipliers.
  ProgressDisplay(const SessionSettings& settings, const ResultFile* reference);

  void session_started(const ResultFile& result, std::size_t planned_tests) override;
  void test_started(const ResultFile& result, std::size_t index) override;
  void run_finished(const ResultFile& result) override;
  void test_finished(const ResultFile& result) override;
  void session_finished(const ResultFile& result, bool interrupted) override;

 private:
  void clear_line();

  int planned_runs_;
  const ResultFile* reference_;
  std::size_t tests_ = 0;
  double started_ = 0;
  bool tty_;
  bool line_open_ = false;
};

}  // namespace corebench
