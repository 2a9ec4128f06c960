#include "runner/exec/progress_display.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

#include "runner/results/compare.h"
#include "runner/results/number_format.h"
#include "runner/results/stats.h"
#include "runner/results/uncertainty.h"

namespace corebench {
namespace {

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// As `compare` will show it (its default statistic, with its interval), so
// that the line printed during the run and the table agree.
std::optional<Multiplier> multiplier_against(const ResultFile* reference, const TestResult& test) {
  if (!reference || test.status != Status::Ok || test.samples().empty()) return std::nullopt;
  const TestResult* ref = reference->find(test.name);
  if (!ref || ref->status != Status::Ok || ref->samples().empty()) return std::nullopt;
  return to_multiplier(
      log_multiplier(test.samples(), ref->samples(), test.direction, Statistic::Mean));
}

// Pinning is asked of the kernel; the sampled CPUs show whether it held.
void warn_if_strayed(const TestResult& test) {
  const auto strayed = std::count_if(test.runs.begin(), test.runs.end(),
                                     [](const RunRecord& run) { return run.strayed; });
  if (strayed > 0) {
    fmt::print(stderr, "corebench: warning: {}: threads ran outside CPUs {} in {} of {} runs\n",
               test.name, test.cpus, strayed, test.runs.size());
  }
}

// The clock as the power table shows it, so that a run that slowed shows
// why while it runs: `lead` then "4.20 GHz", or per core type where there
// are several; nothing where no clock was read.
std::string clock_text(const std::vector<ClockReading>& clocks, const std::string& lead) {
  std::string text;
  for (const ClockReading& clock : clocks) {
    text += text.empty() ? lead : ", ";
    text += fmt::format("{:.2f} GHz", clock.mean_mhz / 1000);
    if (clocks.size() > 1) text += " " + clock.core_type;
  }
  return text;
}

std::string throttled_text(const TestTelemetry& telemetry) {
  const std::size_t n = telemetry.throttled_runs.size();
  if (n == 0) return "";
  return fmt::format("  {} run{} throttled", n, n == 1 ? "" : "s");
}

}  // namespace

ProgressDisplay::ProgressDisplay(const SessionSettings& settings, const ResultFile* reference)
    : planned_runs_(settings.runs.value_or(StoppingRule{}.min_runs)),
      reference_(reference),
      tty_(isatty(STDERR_FILENO) != 0) {}

void ProgressDisplay::session_started(const ResultFile&, std::size_t planned_tests) {
  tests_ = planned_tests;
}

void ProgressDisplay::test_started(const ResultFile& result, std::size_t index) {
  started_ = now();
  fmt::print(stderr, "[{}/{}] {}\n", index + 1, tests_, result.tests.back().name);
}

void ProgressDisplay::run_finished(const ResultFile& result) {
  const TestResult& partial = result.tests.back();
  const double elapsed = now() - started_;
  const std::size_t done = partial.samples().size();
  std::string status;
  if (partial.runs.empty()) {
    status = fmt::format("  set up, warming up ({:.1f} s)", elapsed);
  } else {
    const double per_run = partial.runs.back().seconds;
    const int left = std::max(0, planned_runs_ - static_cast<int>(done));
    status = fmt::format("  run {} done{}, {:.1f} s elapsed, ~{:.0f} s left (more if noisy)", done,
                         clock_text(partial.runs.back().telemetry.clocks, " at "), elapsed,
                         left * per_run);
  }
  if (tty_) {
    fmt::print(stderr, "\r\033[K{}", status);
    line_open_ = true;
  }
}

void ProgressDisplay::clear_line() {
  if (line_open_) fmt::print(stderr, "\r\033[K");
  line_open_ = false;
}

void ProgressDisplay::test_finished(const ResultFile& result) {
  const TestResult& test = result.tests.back();
  clear_line();
  warn_if_strayed(test);
  if (test.status != Status::Ok) {
    fmt::print(stderr, "  {}: {}\n", to_string(test.status), test.error);
    return;
  }
  const Summary& s = test.summary;
  const auto multiplier = multiplier_against(reference_, test);
  fmt::print(stderr, "  {} {}  ± {:.1f}%  n={}{}  {}{}{}  ({:.1f} s)\n", format_value(s.mean),
             test.unit, 100 * s.rsd, s.n, s.noisy() ? " NOISY" : "",
             multiplier ? format_marked_multiplier(*multiplier) + " vs reference" : "no reference",
             clock_text(test.telemetry.clocks, "  "), throttled_text(test.telemetry),
             now() - started_);
}

void ProgressDisplay::session_finished(const ResultFile&, bool) {
  clear_line();
}

}  // namespace corebench
