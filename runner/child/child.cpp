#include "runner/child/child.h"

#include <omp.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "runner/child/thread_cpu_sampler.h"
#include "runner/child/thread_pinning.h"
#include "runner/machine/openmp_schedule.h"
#include "runner/machine/placement.h"
#include "runner/protocol/protocol.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

volatile std::sig_atomic_t g_stop_requested = 0;

extern "C" void on_stop_request(int) {
  g_stop_requested = 1;
}

// The runner stops a test with SIGTERM and SIGKILLs it a grace period
// later. Caught, SIGTERM ends the child at the end of the step in flight,
// through the workload's destructor (compile removes its files); a step
// that waits for input or processes returns early (no SA_RESTART).
void stop_at_sigterm() {
  struct sigaction action {};
  action.sa_handler = on_stop_request;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGTERM, &action, nullptr);
}

// The exit status of a child that stopped when asked.
constexpr int kStoppedExit = 128 + SIGTERM;

void send(std::FILE* out, const ChildMessage& message) {
  const std::string line = encode(message);
  std::fwrite(line.data(), 1, line.size(), out);
  std::fflush(out);
}

void send_mark(std::FILE* out, ChildMessage::Type type) {
  send(out, ChildMessage{.type = type, .error = "", .run = {}});
}

// The marks go out just outside the timed region: the parent's sensor
// readings then cover the run itself, not its prepare or verify steps.
RunRecord timed_run(const WorkloadInfo& info, Workload& workload, bool warmup,
                    const CpuSet& allowed, std::FILE* out) {
  RunRecord record;
  record.warmup = warmup;
  workload.prepare();
  ThreadCpuSampler sampler(allowed);
  sampler.start();
  send_mark(out, ChildMessage::Type::TimingStarts);
  const auto start = std::chrono::steady_clock::now();
  const RunOutput output = workload.run();
  const auto stop = std::chrono::steady_clock::now();
  send_mark(out, ChildMessage::Type::TimingEnds);
  const ThreadCpus seen = sampler.stop();
  for (const auto& cpus : seen.by_thread) record.observed_cpus.push_back(cpus.to_string());
  record.strayed = seen.strayed;
  record.seconds = std::chrono::duration<double>(stop - start).count();
  const double work_seconds = output.seconds > 0 ? output.seconds : record.seconds;
  record.value = info.metric == MetricKind::Rate ? output.work / work_seconds : record.seconds;
  const Verdict verdict = workload.verify();
  record.verified = verdict.ok;
  record.detail = verdict.detail;
  record.facts = verdict.facts;
  return record;
}

}  // namespace

int run_child(const Registry& registry, const std::string& request_json) {
  std::FILE* out = fdopen(kProtocolFd, "w");
  if (!out) {
    std::cerr << "corebench exec: fd 3 is not open (exec is started by corebench run)\n";
    return 2;
  }
  stop_at_sigterm();
  ChildMessage error;
  std::unique_ptr<Workload> workload;
  const WorkloadEntry* entry = nullptr;
  CpuSet allowed;
  try {
    const ExecRequest request = exec_request_from_json(nlohmann::json::parse(request_json));
    entry = registry.find(request.workload);
    if (!entry) throw std::invalid_argument("unknown workload '" + request.workload + "'");
    omp_set_num_threads(request.threads);
    allowed = CpuSet(allowed_cpus());
    if (!request.planned_cpus.empty()) pin_openmp_threads(request.planned_cpus);
    if (!request.schedule.empty()) {
      apply_openmp_schedule(parse_openmp_schedule(request.schedule));
    }
    const OptionValues options = resolve_options(entry->info, request.options);
    workload = entry->make();
    workload->setup(
        options,
        RunConfig{.threads = request.threads,
                  .last_level_cache_bytes = request.last_level_cache_bytes,
                  .memory_bytes = request.memory_bytes,
                  .cpus = request.planned_cpus.empty() ? allowed.ids() : request.planned_cpus});
  } catch (const std::exception& e) {
    error.error = e.what();
    send(out, error);
    return 3;
  }
  send_mark(out, ChildMessage::Type::Ready);

  for (std::string command;
       !g_stop_requested && std::getline(std::cin, command) && command != "quit";) {
    ChildMessage message{ChildMessage::Type::Run, "", {}};
    try {
      message.run = timed_run(entry->info, *workload, command == "run warmup", allowed, out);
    } catch (const std::exception& e) {
      error.error = std::string("run failed: ") + e.what();
      send(out, error);
      return 4;
    }
    send(out, message);
  }
  return g_stop_requested ? kStoppedExit : 0;
}

}  // namespace corebench
