#include "runner/session.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <ctime>

#include "runner/compare.h"
#include "runner/error.h"
#include "runner/interrupt.h"
#include "runner/paths.h"
#include "runner/progress.h"
#include "runner/self_command.h"
#include "runner/sysinfo.h"
#include "runner/topology_report.h"

namespace corebench {
namespace {

std::string utc_timestamp(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[64];
  std::strftime(text, sizeof(text), format, &tm);
  return text;
}

std::optional<double> multiplier_against(const ResultFile* reference, const TestResult& test) {
  if (!reference || test.status != Status::Ok) return std::nullopt;
  const TestResult* ref = reference->find(test.name);
  if (!ref || ref->status != Status::Ok || ref->samples().empty()) return std::nullopt;
  return multiplier(test.summary.mean, ref->summary.mean, test.direction);
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

}  // namespace

std::optional<ResultFile> load_reference(const std::string& path) {
  if (!path.empty()) return read_result_file(path);
  return load_reference_dir(reference_dir());
}

Session run_session(const std::vector<PlannedTest>& tests, const RunArgs& args,
                    const Topology& topology, const ResultFile* reference) {
  const SystemInfo system = read_system_info(topology);
  Session session;
  ResultFile& result = session.result;
  result.corebench_version = system.build.version;
  result.label = args.label.empty() ? (system.hostname.empty() ? "this machine" : system.hostname)
                                    : args.label;
  result.created = utc_timestamp("%Y-%m-%dT%H:%M:%SZ");
  result.system = system;
  result.topology = topology_to_json(topology);
  session.output = !args.output.empty() ? std::filesystem::path(args.output)
                                        : std::filesystem::path("corebench-results") /
                                              (utc_timestamp("%Y%m%d-%H%M%S") + ".json");
  write_result_file(session.output, result);  // fail now, not after an hour of tests
  fmt::print(stderr, "corebench {}: {} tests, results in {}\n", system.build.version, tests.size(),
             session.output.string());

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
      write_result_file(session.output, result);
      progress.update(partial);
    });
    result.tests.back() = done;
    write_result_file(session.output, result);
    warn_if_strayed(done);
    progress.finish_test(done, multiplier_against(reference, done));
    if (done.status == Status::Interrupted) {
      fmt::print(stderr,
                 "Interrupted during test {}/{} ({}); the {} finished tests are saved in {}\n",
                 i + 1, tests.size(), done.name, i, session.output.string());
      session.interrupted = true;
      break;
    }
  }
  return session;
}

}  // namespace corebench
