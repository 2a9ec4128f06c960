#include "runner/exec/session.h"

#include <algorithm>
#include <functional>
#include <map>

#include "runner/common/utc_time.h"
#include "runner/exec/executor.h"
#include "runner/exec/interrupt.h"
#include "runner/exec/self_command.h"
#include "runner/machine/machine_load.h"
#include "runner/machine/system_info.h"
#include "runner/machine/topology_report.h"

namespace corebench {
namespace {

ResultFile machine_facts(const SessionSettings& settings, const Topology& topology) {
  ResultFile result;
  result.system = read_system_info(topology);
  result.corebench_version = result.system.build.version;
  result.label = !settings.label.empty()           ? settings.label
                 : !result.system.hostname.empty() ? result.system.hostname
                                                   : "this machine";
  result.created = utc_now("%Y-%m-%dT%H:%M:%SZ");
  result.topology = topology_to_json(topology);
  result.system.preflight = settings.preflight;
  return result;
}

// A short window: it is paid before every test, and a quarter second still
// tells a process that takes a CPU from one that woke up once.
constexpr double kStartLoadSeconds = 0.25;

ExecSettings exec_settings(const SessionSettings& settings, const SystemInfo& system,
                           const Topology& topology) {
  ExecSettings exec;
  exec.self_command = self_command();
  exec.rule.exact_runs = settings.runs;
  exec.rule.time_budget = settings.budget;
  exec.warmup = settings.warmup;
  exec.timeout = settings.timeout;
  exec.last_level_cache_bytes = system.last_level_cache_bytes;
  exec.memory_bytes = system.memory_bytes;
  exec.telemetry = settings.telemetry;
  exec.sysfs_root = topology.root;
  exec.core_type_of = topology.core_type_names();
  return exec;
}

// The file the session keeps: this machine's facts, or with --append the
// existing file, when it was written on this machine by this build.
ResultFile starting_file(const SessionSettings& settings, const Topology& topology) {
  ResultFile here = machine_facts(settings, topology);
  if (settings.record) here.sessions.push_back(*settings.record);
  if (!settings.append_to) return here;
  const std::string difference = machine_difference(settings.append_to->system, here.system);
  if (!difference.empty())
    throw Error("the result file is from another machine or build (" + difference +
                "); only the machine and build that wrote it add tests to it");
  ResultFile appended = *settings.append_to;
  auto& warnings = appended.system.preflight;
  for (const auto& warning : here.system.preflight)
    if (std::find(warnings.begin(), warnings.end(), warning) == warnings.end())
      warnings.push_back(warning);
  appended.sessions.insert(appended.sessions.end(), here.sessions.begin(), here.sessions.end());
  appended.schema_version = kResultSchemaVersion;
  return appended;
}

void run_tests(const std::vector<PlannedTest>& tests, const ExecSettings& exec,
               const Topology& topology, Session& session,
               const std::function<void(const std::function<void(SessionListener&)>&)>& tell) {
  ResultFile& result = session.result;
  for (std::size_t i = 0; i < tests.size(); ++i) {
    result.tests.push_back(describe_test(tests[i]));
    result.tests.back().start_load = machine_load(topology.root, kStartLoadSeconds);
    tell([&](SessionListener& l) { l.test_started(result, i); });
    const MachineLoad start_load = result.tests.back().start_load;
    result.tests.back() = execute_test(tests[i], exec, [&](const TestResult& partial) {
      result.tests.back() = partial;
      result.tests.back().start_load = start_load;
      tell([&](SessionListener& l) { l.run_finished(result); });
    });
    result.tests.back().start_load = start_load;
    tell([&](SessionListener& l) { l.test_finished(result); });
    if (result.tests.back().status == Status::Interrupted) {
      session.interrupted = true;
      session.stop_signal = interrupt_signal();
      break;
    }
  }
}

}  // namespace

int exit_status(const Session& session) {
  if (session.interrupted) return 128 + session.stop_signal;
  const auto& tests = session.result.tests;
  const bool all_ok =
      std::all_of(tests.begin() + static_cast<std::ptrdiff_t>(session.first_test), tests.end(),
                  [](const TestResult& test) { return test.status == Status::Ok; });
  return all_ok ? kAllOkExit : kTestFailedExit;
}

Session run_session(const std::vector<PlannedTest>& tests, const SessionSettings& settings,
                    const Topology& topology, const std::vector<SessionListener*>& listeners) {
  Session session;
  session.result = starting_file(settings, topology);
  session.first_test = session.result.tests.size();
  const ExecSettings exec = exec_settings(settings, session.result.system, topology);
  const auto tell = [&](const std::function<void(SessionListener&)>& event) {
    for (SessionListener* listener : listeners) event(*listener);
  };
  tell([&](SessionListener& l) { l.session_started(session.result, tests.size()); });

  install_interrupt_handler();
  try {
    run_tests(tests, exec, topology, session, tell);
    tell([&](SessionListener& l) { l.session_finished(session.result, session.interrupted); });
  } catch (const Error& e) {
    throw SessionAborted(e.what());
  }
  return session;
}

}  // namespace corebench
