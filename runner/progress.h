// What the user sees while a suite runs: which test, which run, how long it
// has taken and about how long is left, and each test's result line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "runner/result.h"

namespace corebench {

class Progress {
 public:
  Progress(std::size_t tests, int planned_runs);

  void start_test(std::size_t index, const std::string& name);
  // After setup and every run: redraws the status line.
  void update(const TestResult& partial);
  // The test's result line: mean, sd %, n and the multiplier.
  void finish_test(const TestResult& result, const std::optional<double>& multiplier);

 private:
  void clear_line();

  std::size_t tests_;
  int planned_runs_;
  std::size_t index_ = 0;
  std::string name_;
  double started_ = 0;
  bool tty_;
  bool line_open_ = false;
};

}  // namespace corebench
