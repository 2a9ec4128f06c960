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
#include "runner/results/copies.h"
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

// One process of the test: the test itself, or in rate mode one copy.
struct Copy {
  std::vector<int> cpus;          // its affinity
  std::vector<int> planned_cpus;  // where its OpenMP threads are bound
  std::string core_type;          // rate mode: of its CPUs
  std::unique_ptr<ChildProcess> child;
};

// What one process answered for a run, or why it did not.
struct CopyOutcome {
  bool answered = false;
  RunRecord record;
  std::string error;  // when it did not answer
};

class TestSession {
 public:
  TestSession(const PlannedTest& test, const ExecSettings& settings, const RunCallback& progress)
      : settings_(settings), progress_(progress), result_(describe_test(test)) {
    if (test.copies.empty()) {
      copies_.push_back({.cpus = test.cpus.ids(),
                         .planned_cpus = test.planned_cpus,
                         .core_type = "",
                         .child = nullptr});
    } else {
      for (const CopyPlan& copy : test.copies)
        copies_.push_back({.cpus = copy.cpus,
                           .planned_cpus = copy.cpus,
                           .core_type = copy.core_type,
                           .child = nullptr});
    }
    if (settings.telemetry) {
      sampler_ = std::make_unique<Sampler>(discover_sensors(settings.sysfs_root, test.cpus),
                                           settings.core_type_of, test.cpus);
      result_.telemetry.problems = sampler_->sensors().problems;
    }
    for (Copy& copy : copies_) {
      const ExecRequest request{.workload = test.entry->info.id,
                                .options = test.spec.options,
                                .threads = test.threads,
                                .last_level_cache_bytes = settings.last_level_cache_bytes,
                                // Copies share the memory: each one's "does it fit" check
                                // (workloads/common/memory_guard) sees its share.
                                .memory_bytes = settings.memory_bytes / copies_.size(),
                                .planned_cpus = copy.planned_cpus,
                                .schedule = test.schedule};
      std::vector<std::string> argv = settings.self_command;
      argv.insert(argv.end(), {"exec", "--request", to_json(request).dump()});
      copy.child = std::make_unique<ChildProcess>(argv, copy.cpus);
    }
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
    for (std::size_t i = 0; i < copies_.size(); ++i) quit(i);
    return finish();
  }

 private:
  bool rate_mode() const { return result_.copies.count > 0; }

  // "copy 1 (CPUs 3): " in rate mode, so that the error says which one.
  std::string who(std::size_t index) const {
    if (!rate_mode()) return "";
    return fmt::format("copy {} (CPUs {}): ", index, CpuSet(copies_[index].cpus).to_string());
  }

  void quit(std::size_t index) {
    ChildProcess& child = *copies_[index].child;
    child.send("quit");
    std::string line;
    const bool closed = child.read_line(line, settings_.timeout) == ChildProcess::Read::Closed;
    const std::string how =
        closed ? child.wait(settings_.stop_grace) : child.stop(settings_.stop_grace);
    if (!how.empty())
      fail(Status::Failed, who(index) + "after its last run the test process " + how);
  }

  // Every copy's process, when one of them has ended the test.
  void stop_all() {
    for (Copy& copy : copies_) copy.child->stop(settings_.stop_grace);
  }

  // One message from copy `index`, or the reason there was none (the first
  // reason is recorded as the test's status). `timeout`: what is left of
  // the step's time.
  bool receive(std::size_t index, ChildMessage& message, const std::string& step, double timeout,
               std::string* error = nullptr) {
    ChildProcess& child = *copies_[index].child;
    const std::string prefix = who(index);
    auto failed = [&](Status status, const std::string& text) {
      if (error) *error = text;
      return fail(status, prefix + text);
    };
    std::string line;
    switch (child.read_line(line, timeout)) {
      case ChildProcess::Read::Line: try { message = decode_child_message(line);
        } catch (const Error& e) {
          return failed(Status::Failed, e.what());
        }
        if (message.type == ChildMessage::Type::Error) return failed(Status::Failed, message.error);
        return true;
      case ChildProcess::Read::Closed:
        return failed(Status::Failed,
                      ended_because(child, step + " did not finish", settings_.stop_grace));
      case ChildProcess::Read::Timeout:
        child.stop(settings_.stop_grace);
        return failed(Status::Timeout,
                      fmt::format("{} took longer than {:g} s; stopped", step, settings_.timeout));
      case ChildProcess::Read::Interrupted:
        child.stop(settings_.stop_grace);
        return failed(Status::Interrupted, fmt::format("interrupted during {}", step));
    }
    return false;
  }

  // Every copy's setup is done before any run starts (rate mode's barrier).
  bool await_ready() {
    for (std::size_t i = 0; i < copies_.size(); ++i) {
      ChildMessage message;
      if (!receive(i, message, "setup", settings_.timeout)) {
        stop_all();
        return false;
      }
      if (message.type != ChildMessage::Type::Ready) {
        stop_all();
        return fail(Status::Failed, who(i) + "test process skipped its setup report");
      }
    }
    return report();
  }

  // Copy `index`'s three lines of a run (timing starts, timing ends, the
  // record). The sampler runs from the first copy's start to the last
  // copy's end; the copies' lines wait in their pipes meanwhile.
  CopyOutcome collect(std::size_t index, const std::string& step,
                      std::chrono::steady_clock::time_point deadline, RunTelemetry& telemetry) {
    using Clock = std::chrono::steady_clock;
    CopyOutcome outcome;
    const bool last = index + 1 == copies_.size();
    ChildMessage message;
    while (true) {
      // A copy read after another failed still gets a moment for the lines
      // already in its pipe.
      const double left = std::max(std::chrono::duration<double>(deadline - Clock::now()).count(),
                                   result_.status == Status::Running ? 0.0 : settings_.stop_grace);
      if (!receive(index, message, step, left, &outcome.error)) return outcome;
      if (message.type == ChildMessage::Type::TimingStarts) {
        if (sampler_ && index == 0) sampler_->start();
      } else if (message.type == ChildMessage::Type::TimingEnds) {
        if (sampler_ && last) telemetry = sampler_->stop();
      } else {
        break;
      }
    }
    if (message.type != ChildMessage::Type::Run) {
      outcome.error = "test process answered a run with something else";
      fail(Status::Failed, who(index) + outcome.error);
      return outcome;
    }
    outcome.answered = true;
    outcome.record = std::move(message.run);
    return outcome;
  }

  RunRecord combine(std::vector<CopyOutcome> outcomes, bool warmup) const {
    if (!rate_mode()) return std::move(outcomes.front().record);
    RunRecord run;
    run.warmup = warmup;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      RunRecord& record = outcomes[i].record;
      run.copies.push_back({.copy = static_cast<int>(i),
                            .cpus = CpuSet(copies_[i].cpus).to_string(),
                            .core_type = copies_[i].core_type,
                            .seconds = record.seconds,
                            .value = record.value,
                            .verified = outcomes[i].answered && record.verified,
                            .detail = outcomes[i].answered ? record.detail : outcomes[i].error,
                            .facts = std::move(record.facts),
                            .observed_cpus = record.observed_cpus,
                            .strayed = record.strayed});
      run.observed_cpus.insert(run.observed_cpus.end(), record.observed_cpus.begin(),
                               record.observed_cpus.end());
      run.strayed = run.strayed || record.strayed;
    }
    aggregate_copies(run, result_.copies.direction);
    return run;
  }

  // The step's time limit covers every copy's three lines.
  bool one_run(bool warmup) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(settings_.timeout));
    for (Copy& copy : copies_) copy.child->send(warmup ? "run warmup" : "run");
    const std::string step =
        warmup ? "the warm-up run" : fmt::format("run {}", result_.samples().size() + 1);
    RunTelemetry telemetry;
    std::vector<CopyOutcome> outcomes;
    for (std::size_t i = 0; i < copies_.size(); ++i)
      outcomes.push_back(collect(i, step, deadline, telemetry));
    if (sampler_) sampler_->stop();  // a copy that failed mid-run left it running
    const bool all_answered = std::all_of(outcomes.begin(), outcomes.end(),
                                          [](const CopyOutcome& o) { return o.answered; });
    // Without copies a process that did not answer leaves no record; a
    // copy's failure keeps the others' values.
    if (!all_answered && !rate_mode()) return false;
    RunRecord run = combine(std::move(outcomes), warmup);
    run.telemetry = telemetry;
    result_.runs.push_back(run);
    result_.refresh_derived();
    if (!all_answered) {
      stop_all();
      report();
      return false;
    }
    if (!run.verified) {
      fail(Status::WrongAnswer, fmt::format("{} gave a wrong answer: {}", step, run.detail));
      stop_all();
    }
    return report() && run.verified;
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

  // The first failure is the test's; later ones (the other copies stopped
  // because of it) are not.
  bool fail(Status status, const std::string& error) {
    if (result_.status != Status::Running) return false;
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
  std::vector<Copy> copies_;
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
  if (!test.copies.empty()) {
    result.copies = {.count = static_cast<int>(test.copies.size()),
                     .spec = test.spec.copies,
                     .unit = info.unit,
                     .direction = info.direction()};
    result.unit = copies_unit(info.unit, info.direction());
    result.direction = Direction::HigherIsBetter;
  }
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
