#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "runner/cli/dry_run.h"
#include "runner/cli/verbs.h"
#include "runner/common/error.h"
#include "runner/common/utc_time.h"
#include "runner/exec/progress_display.h"
#include "runner/exec/result_file_writer.h"
#include "runner/exec/session.h"
#include "runner/machine/machine.h"
#include "runner/machine/machine_load.h"
#include "runner/machine/system_info.h"
#include "runner/plan/plan.h"
#include "runner/results/compare.h"
#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

// --append to a file that is not there yet starts it.
std::optional<ResultFile> existing_results(const std::string& path) {
  std::error_code error;
  if (path.empty() || !std::filesystem::exists(path, error)) return std::nullopt;
  return read_result_file(path);
}

}  // namespace

SessionRecord session_record(const std::vector<PlannedTest>& tests, const RunArgs& args,
                             const std::string& profile) {
  SessionRecord record{.started = utc_now("%Y-%m-%dT%H:%M:%SZ"),
                       .profile = profile,
                       .placement = args.placement,
                       .runs = args.runs,
                       .budget = args.budget,
                       .warmup = args.warmup,
                       .timeout = args.timeout,
                       .telemetry = args.telemetry,
                       .tests = {}};
  for (const auto& test : tests)
    record.tests.push_back({.name = test.spec.name(),
                            .workload = test.spec.workload,
                            .options = test.spec.options,
                            .cpus = test.spec.cpus,
                            .threads = test.spec.threads,
                            .copies = test.spec.copies,
                            .resolved_cpus = test.cpus.to_string(),
                            .resolved_threads = test.threads});
  return record;
}

SessionSettings session_settings(const RunArgs& args, const std::vector<PlannedTest>& tests,
                                 const std::string& profile) {
  return SessionSettings{.runs = args.runs,
                         .budget = args.budget,
                         .warmup = args.warmup,
                         .timeout = args.timeout,
                         .label = args.label,
                         .preflight = {},
                         .telemetry = args.telemetry,
                         .append_to = args.append ? existing_results(args.output) : std::nullopt,
                         .record = session_record(tests, args, profile)};
}

std::vector<std::string> preflight(const std::vector<PlannedTest>& tests, const Topology& topology,
                                   bool strict) {
  std::vector<int> ids;
  for (const auto& test : tests) ids.insert(ids.end(), test.cpus.begin(), test.cpus.end());
  const std::vector<std::string> warnings = preflight_warnings(
      read_system_info(topology), CpuSet(ids), sample_load(topology.root, kPreflightSeconds),
      read_governors(topology.root));
  if (strict && !warnings.empty()) {
    std::string reasons;
    for (const auto& w : warnings) reasons += (reasons.empty() ? "" : "; ") + w;
    throw Error("refusing to start (--strict): " + reasons);
  }
  for (const auto& w : warnings) fmt::print(stderr, "corebench: warning: {}\n", w);
  return warnings;
}

int run_verb(const Registry& registry, const RunArgs& args) {
  PlanRequest request = plan_request(detect_machine(args.profile), args.placement);
  request.targets = args.targets.empty() ? std::vector<std::string>{"quick"} : args.targets;
  request.cpus = args.cpus;
  request.threads = args.threads;
  request.copies = args.copies;
  const std::vector<PlannedTest> tests = plan_telling_detection_problems(
      request.topology, [&] { return plan_tests(registry, request); });
  warn_if_core_types_uncertain(request.topology);
  const std::optional<ResultFile> reference = load_reference(args.reference);
  const ResultFile* ref = reference ? &*reference : nullptr;
  if (args.dry_run) {
    print_dry_run(tests, ref,
                  {.profile = request.profile.name, .runs = args.runs, .warmup = args.warmup});
    return 0;
  }

  ResultFileWriter writer(args.output, args.append);  // refuses an existing file first
  SessionSettings settings = session_settings(args, tests, request.profile.name);
  settings.preflight = preflight(tests, request.topology, args.strict);
  ProgressDisplay progress(settings, ref);
  const Session session = run_session(tests, settings, request.topology, {&writer, &progress});
  if (session.interrupted) return exit_status(session);
  fmt::print("\n");
  make_text_reporter()->write(compare({session.result}, ref), std::cout);
  fmt::print("\nResults: {}\n", writer.path().string());
  return exit_status(session);
}

}  // namespace corebench
