#include <fmt/format.h>

#include <iostream>

#include "runner/cli/verbs.h"
#include "runner/common/error.h"
#include "runner/exec/progress_display.h"
#include "runner/exec/result_file_writer.h"
#include "runner/exec/session.h"
#include "runner/machine/machine.h"
#include "runner/plan/plan.h"
#include "runner/results/compare.h"
#include "runner/results/report/reporter.h"
#include "runner/results/unfinished.h"

namespace corebench {
namespace {

std::vector<TestSpec> specs_of(const std::vector<PlannedTestRecord>& records) {
  std::vector<TestSpec> specs;
  for (const auto& record : records)
    specs.push_back({.workload = record.workload,
                     .options = record.options,
                     .cpus = record.cpus,
                     .threads = record.threads,
                     .copies = record.copies});
  return specs;
}

// The same machine may still plan a test elsewhere: a narrower affinity
// (taskset, a container's cpuset) or an edited profile. Those results would
// not be the test the file set out to run.
void require_same_placement(const std::string& file, const std::vector<PlannedTestRecord>& records,
                            const std::vector<PlannedTest>& tests) {
  for (std::size_t i = 0; i < tests.size(); ++i) {
    const PlannedTestRecord& was = records[i];
    const std::string now = tests[i].cpus.to_string();
    if (now != was.resolved_cpus || tests[i].threads != was.resolved_threads)
      throw Error(fmt::format(
          "{}: {} was planned on CPUs {} with {} threads; here it would run on CPUs {} with {} "
          "(is this process's affinity narrower, or the machine profile changed?)",
          file, was.name, was.resolved_cpus, was.resolved_threads, now, tests[i].threads));
  }
}

struct Resumption {
  std::vector<PlannedTest> tests;
  Topology topology;
  SessionSettings settings;
};

Resumption plan_resumption(const Registry& registry, const ResumeArgs& args,
                           const SessionRecord& record, const UnfinishedSession& left) {
  const PlanRequest request = plan_request(detect_machine(record.profile), record.placement);
  Resumption resumption{
      .tests = plan_telling_detection_problems(
          request.topology, [&] { return plan_specs(registry, request, specs_of(left.tests)); }),
      .topology = request.topology,
      .settings = {.runs = record.runs,
                   .budget = record.budget,
                   .warmup = record.warmup,
                   .timeout = record.timeout,
                   .label = "",
                   .preflight = {},
                   .telemetry = record.telemetry,
                   .append_to = std::nullopt,
                   .record = std::nullopt}};
  require_same_placement(args.file, left.tests, resumption.tests);
  resumption.settings.preflight = preflight(resumption.tests, resumption.topology, args.strict);
  return resumption;
}

std::size_t count_tests(const std::vector<UnfinishedSession>& left) {
  std::size_t n = 0;
  for (const auto& session : left) n += session.tests.size();
  return n;
}

}  // namespace

int resume_verb(const Registry& registry, const ResumeArgs& args) {
  const ResultFile file = read_result_file(args.file);
  if (file.sessions.empty())
    throw Error(fmt::format(
        "{}: the file has no record of its planned tests (schema {}; corebench records them "
        "since schema 3), so there is nothing it can resume",
        args.file, file.schema_version));
  const std::vector<UnfinishedSession> left = unfinished_sessions(file);
  if (left.empty()) {
    fmt::print("{}: every planned test has ended; nothing to resume\n", args.file);
    return kAllOkExit;
  }
  const std::optional<ResultFile> reference = load_reference(args.reference);
  fmt::print(stderr, "corebench: resuming {}: {} planned tests have not ended\n", args.file,
             count_tests(left));
  ResultFile current = without_unended_tests(file);
  int status = kAllOkExit;
  for (const auto& unfinished : left) {
    Resumption resumption =
        plan_resumption(registry, args, file.sessions[unfinished.session], unfinished);
    resumption.settings.append_to = current;
    ResultFileWriter writer(args.file, true);
    ProgressDisplay progress(resumption.settings, reference ? &*reference : nullptr);
    const Session session = run_session(resumption.tests, resumption.settings, resumption.topology,
                                        {&writer, &progress});
    if (session.interrupted) return exit_status(session);
    status = std::max(status, exit_status(session));
    current = session.result;
  }
  fmt::print("\n");
  make_text_reporter()->write(compare({current}, reference ? &*reference : nullptr), std::cout);
  fmt::print("\nResults: {}\n", args.file);
  return status;
}

}  // namespace corebench
