#include "runner/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "runner/report/grid.h"

namespace corebench {
namespace {

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Progress::Progress(std::size_t tests, int planned_runs)
    : tests_(tests), planned_runs_(planned_runs), tty_(isatty(STDERR_FILENO) != 0) {}

void Progress::start_test(std::size_t index, const std::string& name) {
  index_ = index;
  name_ = name;
  started_ = now();
  fmt::print(stderr, "[{}/{}] {}\n", index + 1, tests_, name);
}

void Progress::update(const TestResult& partial) {
  const double elapsed = now() - started_;
  const std::size_t done = partial.samples().size();
  std::string status;
  if (partial.runs.empty()) {
    status = fmt::format("  set up, warming up ({:.1f} s)", elapsed);
  } else {
    const double per_run = partial.runs.back().seconds;
    const int left = std::max(0, planned_runs_ - static_cast<int>(done));
    status = fmt::format("  run {} done, {:.1f} s elapsed, ~{:.0f} s left (more if noisy)", done,
                         elapsed, left * per_run);
  }
  if (tty_) {
    fmt::print(stderr, "\r\033[K{}", status);
    line_open_ = true;
  }
}

void Progress::clear_line() {
  if (line_open_) fmt::print(stderr, "\r\033[K");
  line_open_ = false;
}

void Progress::finish_test(const TestResult& result, const std::optional<double>& multiplier) {
  clear_line();
  if (result.status != Status::Ok) {
    fmt::print(stderr, "  {}: {}\n", to_string(result.status), result.error);
    return;
  }
  const Summary& s = result.summary;
  fmt::print(stderr, "  {} {}  ± {:.1f}%  n={}{}  {}  ({:.1f} s)\n", format_value(s.mean),
             result.unit, 100 * s.rsd, s.n, s.noisy() ? " NOISY" : "",
             multiplier ? format_multiplier(*multiplier) + " vs reference" : "no reference",
             now() - started_);
}

}  // namespace corebench
