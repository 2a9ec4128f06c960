#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <iostream>

#include "runner/compare.h"
#include "runner/cpu_list.h"
#include "runner/error.h"
#include "runner/interrupt.h"
#include "runner/paths.h"
#include "runner/plan.h"
#include "runner/progress.h"
#include "runner/report/reporter.h"
#include "runner/self_command.h"
#include "runner/verbs/verbs.h"

namespace corebench {
namespace {

constexpr int kInterruptedExit = 130;

std::string utc_timestamp(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[64];
  std::strftime(text, sizeof(text), format, &tm);
  return text;
}

std::optional<ResultFile> load_reference(const std::string& path) {
  if (!path.empty()) return read_result_file(path);
  return load_reference_dir(reference_dir());
}

std::optional<double> multiplier_against(const ResultFile* reference, const TestResult& test) {
  if (!reference || test.status != Status::Ok) return std::nullopt;
  const TestResult* ref = reference->find(test.name);
  if (!ref || ref->status != Status::Ok || ref->samples().empty()) return std::nullopt;
  return multiplier(test.summary.mean, ref->summary.mean, test.direction);
}

}  // namespace

int run_verb(const Registry& registry, const RunArgs& args) {
  const SystemInfo system = read_system_info();
  PlanRequest request{args.targets, args.cpus, args.threads, suites_dir(),
                      online_cpus()};
  if (request.targets.empty()) request.targets = {"quick"};
  const std::vector<PlannedTest> tests = plan_tests(registry, request);
  const std::optional<ResultFile> reference = load_reference(args.reference);

  ResultFile result;
  result.corebench_version = system.build.version;
  result.label = args.label.empty() ? (system.hostname.empty() ? "this machine" : system.hostname)
                                    : args.label;
  result.created = utc_timestamp("%Y-%m-%dT%H:%M:%SZ");
  result.system = system;
  const std::filesystem::path output =
      !args.output.empty() ? std::filesystem::path(args.output)
                           : std::filesystem::path("corebench-results") /
                                 (utc_timestamp("%Y%m%d-%H%M%S") + ".json");
  write_result_file(output, result);  // fail now, not after an hour of tests
  fmt::print(stderr, "corebench {}: {} tests, results in {}\n", system.build.version,
             tests.size(), output.string());

  ExecSettings settings;
  settings.self_command = self_command();
  settings.rule.exact_runs = args.runs;
  settings.rule.time_budget = args.budget;
  settings.warmup = args.warmup;
  settings.timeout = args.timeout;
  settings.last_level_cache_bytes = system.last_level_cache_bytes;
  settings.memory_bytes = system.memory_bytes;

  install_interrupt_handler();
  Progress progress(tests.size(), args.runs.value_or(settings.rule.min_runs));
  for (std::size_t i = 0; i < tests.size(); ++i) {
    progress.start_test(i, tests[i].spec.name());
    result.tests.push_back(describe_test(tests[i]));
    const TestResult done = execute_test(tests[i], settings, [&](const TestResult& partial) {
      result.tests.back() = partial;
      write_result_file(output, result);
      progress.update(partial);
    });
    result.tests.back() = done;
    write_result_file(output, result);
    progress.finish_test(done, multiplier_against(reference ? &*reference : nullptr, done));
    if (done.status == Status::Interrupted) {
      fmt::print(stderr,
                 "Interrupted during test {}/{} ({}); the {} finished tests are saved in {}\n",
                 i + 1, tests.size(), done.name, i, output.string());
      return kInterruptedExit;
    }
  }

  fmt::print("\n");
  make_text_reporter()->write(compare({result}, reference ? &*reference : nullptr), std::cout);
  fmt::print("\nResults: {}\n", output.string());
  return 0;
}

}  // namespace corebench
