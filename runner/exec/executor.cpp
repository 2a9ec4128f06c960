#include "runner/exec/executor.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>
#include <string_view>
#include <vector>

#include "runner/common/error.h"
#include "runner/exec/child_process.h"
#include "runner/protocol/protocol.h"
#include "runner/telemetry/sampler.h"

namespace corebench {
namespace {

// The last few lines of what the child printed, joined on one line: the
// cause of an abort is often a line before the last (an emulator or the C
// library may add its own), and a line may be megabytes long.
std::string last_lines(std::string_view tail) {
  constexpr std::size_t kLines = 3;
  constexpr std::size_t kLineChars = 200;
  std::vector<std::string> lines;
  while (!tail.empty() && lines.size() < kLines) {
    const auto start = tail.rfind('\n');
    std::string_view line = start == std::string_view::npos ? tail : tail.substr(start + 1);
    tail = start == std::string_view::npos ? std::string_view{} : tail.substr(0, start);
    if (line.empty()) continue;
    if (line.size() > kLineChars)
      lines.push_back("…" + std::string(line.substr(line.size() - kLineChars)));
    else
      lines.emplace_back(line);
  }
  std::reverse(lines.begin(), lines.end());
  return fmt::format("{}", fmt::join(lines, " / "));
}

// Why the child stopped answering, for the result's error text. A child
// that closed its message channel but lives on is given the grace period,
// then stopped: a clear failure, not a hang.
std::string ended_because(ChildProcess& child, const std::string& what, double grace) {
  const std::string how = child.wait(grace);
  std::string text = child.was_stopped()
                         ? fmt::format(
                               "{}: the test process closed its message channel and did not exit; "
                               "stopped, {}",
                               what, how)
                     : how.empty() ? fmt::format("{}: the test process exited without a word", what)
                                   : fmt::format("{}: test process {}", what, how);
  const std::string last = last_lines(child.output_tail());
  if (last.empty()) return text;
  if (child.output_bytes() > ChildProcess::kOutputTail)
    return fmt::format("{} | last output (of {} bytes; the last {} kept): {}", text,
                       child.output_bytes(), ChildProcess::kOutputTail, last);
  return text + " | last output: " + last;
}

class TestSession {
 public:
  TestSession(const PlannedTest& test, const ExecSettings& settings, const RunCallback& progress)
      : settings_(settings), progress_(progress), result_(describe_test(test)) {
    const ExecRequest request{.workload = test.entry->info.id,
                              .options = test.spec.options,
                              .threads = test.threads,
                              .last_level_cache_bytes = settings.last_level_cache_bytes,
                              .memory_bytes = settings.memory_bytes,
                              .planned_cpus = test.planned_cpus,
                              .schedule = test.schedule};
    std::vector<std::string> argv = settings.self_command;
    argv.insert(argv.end(), {"exec", "--request", to_json(request).dump()});
    if (settings.telemetry) {
      sampler_ = std::make_unique<Sampler>(discover_sensors(settings.sysfs_root, test.cpus),
                                           settings.core_type_of, test.cpus);
      result_.telemetry.problems = sampler_->sensors().problems;
    }
    child_ = std::make_unique<ChildProcess>(argv, test.cpus.ids());
  }

  bool caller_failed() const { return caller_error_ != nullptr; }

  TestResult run() {
    if (!await_ready()) return finish();
    if (settings_.warmup && !one_run(true)) return finish();
    double elapsed = 0;
    while (settings_.rule.want_more(result_.samples(), elapsed)) {
      if (!one_run(false)) return finish();
      elapsed += result_.runs.back().seconds;
    }
    child_->send("quit");
    std::string line;
    const bool closed = child_->read_line(line, settings_.timeout) == ChildProcess::Read::Closed;
    const std::string how =
        closed ? child_->wait(settings_.stop_grace) : child_->stop(settings_.stop_grace);
    if (!how.empty()) fail(Status::Failed, "after its last run the test process " + how);
    return finish();
  }

 private:
  // One message, or the reason there was none (recorded as the status).
  // `timeout`: what is left of the step's time.
  bool receive(ChildMessage& message, const std::string& step, double timeout) {
    std::string line;
    switch (child_->read_line(line, timeout)) {
      case ChildProcess::Read::Line: try { message = decode_child_message(line);
        } catch (const Error& e) {
          return fail(Status::Failed, e.what());
        }
        if (message.type == ChildMessage::Type::Error) return fail(Status::Failed, message.error);
        return true;
      case ChildProcess::Read::Closed:
        return fail(Status::Failed,
                    ended_because(*child_, step + " did not finish", settings_.stop_grace));
      case ChildProcess::Read::Timeout:
        child_->stop(settings_.stop_grace);
        return fail(Status::Timeout,
                    fmt::format("{} took longer than {:g} s; stopped", step, settings_.timeout));
      case ChildProcess::Read::Interrupted:
        child_->stop(settings_.stop_grace);
        return fail(Status::Interrupted, fmt::format("interrupted during {}", step));
    }
    return false;
  }

  bool await_ready() {
    ChildMessage message;
    if (!receive(message, "setup", settings_.timeout)) return false;
    if (message.type != ChildMessage::Type::Ready)
      return fail(Status::Failed, "test process skipped its setup report");
    return report();
  }

  // The step's time limit covers its three lines (timing starts, timing
  // ends, the record); the sampler runs between the first two.
  bool one_run(bool warmup) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration<double>(settings_.timeout);
    child_->send(warmup ? "run warmup" : "run");
    const std::string step =
        warmup ? "the warm-up run" : fmt::format("run {}", result_.samples().size() + 1);
    ChildMessage message;
    RunTelemetry telemetry;
    while (true) {
      const double left = std::chrono::duration<double>(deadline - Clock::now()).count();
      if (!receive(message, step, left)) {
        if (sampler_) sampler_->stop();
        return false;
      }
      if (message.type == ChildMessage::Type::TimingStarts) {
        if (sampler_) sampler_->start();
      } else if (message.type == ChildMessage::Type::TimingEnds) {
        if (sampler_) telemetry = sampler_->stop();
      } else {
        break;
      }
    }
    if (message.type != ChildMessage::Type::Run)
      return fail(Status::Failed, "test process answered a run with something else");
    message.run.telemetry = telemetry;
    result_.runs.push_back(message.run);
    result_.refresh_derived();
    if (!message.run.verified) {
      fail(Status::WrongAnswer,
           fmt::format("{} gave a wrong answer: {}", step, message.run.detail));
      child_->stop(settings_.stop_grace);
    }
    return report() && message.run.verified;
  }

  // Tells the caller; a caller that throws (its result file cannot be
  // written) ends the test, and execute_test passes the exception on: it is
  // the session's failure, not the test's.
  bool report() {
    try {
      progress_(result_);
      return true;
    } catch (...) {
      caller_error_ = std::current_exception();
      return false;
    }
  }

  bool fail(Status status, const std::string& error) {
    result_.status = status;
    result_.error = error;
    return false;
  }

  TestResult finish() {
    if (caller_error_) std::rethrow_exception(caller_error_);
    if (result_.status == Status::Running) result_.status = Status::Ok;
    result_.refresh_derived();
    return result_;
  }

  const ExecSettings& settings_;
  const RunCallback& progress_;
  TestResult result_;
  std::unique_ptr<Sampler> sampler_;  // null with --no-telemetry
  std::unique_ptr<ChildProcess> child_;
  std::exception_ptr caller_error_;
};

}  // namespace

TestResult describe_test(const PlannedTest& test) {
  TestResult result;
  const WorkloadInfo& info = test.entry->info;
  result.name = test.spec.name();
  result.workload = info.id;
  result.options = test.options.all();
  result.cpus_spec = test.cpus_spec;
  result.cpus = test.cpus.to_string();
  result.threads = test.threads;
  result.placement = test.placement;
  result.schedule = test.schedule;
  result.unit = info.unit;
  result.direction = info.direction();
  result.status = Status::Running;
  return result;
}

TestResult execute_test(const PlannedTest& test, const ExecSettings& settings,
                        const RunCallback& on_progress) {
  std::unique_ptr<TestSession> session;
  try {
    session = std::make_unique<TestSession>(test, settings, on_progress);
    return session->run();
  } catch (const Error& e) {
    if (session && session->caller_failed()) throw;
    TestResult result = describe_test(test);
    result.status = Status::Failed;
    result.error = e.what();
    return result;
  }
}

}  // namespace corebench
