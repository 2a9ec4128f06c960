#include <fmt/format.h>

#include "runner/cli/verbs.h"
#include "runner/common/error.h"
#include "runner/exec/progress_display.h"
#include "runner/exec/result_file_writer.h"
#include "runner/exec/session.h"
#include "runner/machine/machine.h"
#include "runner/plan/sweep_plan.h"
#include "runner/results/sweep_table.h"

namespace corebench {
namespace {

// At the end of an uninterrupted sweep, the table of how it scaled.
class SweepTable final : public SessionListener {
 public:
  explicit SweepTable(std::string heading) : heading_(std::move(heading)) {}
  void session_finished(const ResultFile& result, bool interrupted) override {
    if (interrupted || result.tests.empty()) return;
    fmt::print("\n{}\n{}", heading_,
               format_sweep(sweep_rows(result.tests), result.tests.front().unit));
  }

 private:
  std::string heading_;
};

}  // namespace

int sweep_verb(const Registry& registry, const SweepArgs& args) {
  const PlanRequest base = plan_request(detect_machine(args.run.profile), args.run.placement);
  const std::vector<std::string> sets =
      args.sets.empty() ? base.profile.sweep_sets : split_sweep_sets(args.sets);
  const std::vector<int> threads =
      args.threads.empty() ? base.profile.sweep_threads : parse_sweep_threads(args.threads);
  const SweepPlan plan = plan_telling_detection_problems(
      base.topology, [&] { return plan_sweep(registry, args.workload, sets, threads, base); });
  warn_if_core_types_uncertain(base.topology);
  for (const auto& note : plan.notes) fmt::print(stderr, "corebench: sweep: {}\n", note);
  if (plan.tests.empty()) throw Error("the sweep has no rows left to run");

  ResultFileWriter writer(args.run.output, args.run.append);  // refuses an existing file first
  SessionSettings settings = session_settings(args.run, plan.tests, base.profile.name);
  settings.preflight = preflight(plan.tests, base.topology, args.run.strict);
  ProgressDisplay progress(settings, nullptr);
  SweepTable table(fmt::format("{} on {} ({} profile)", args.workload,
                               base.topology.model.empty() ? "this machine" : base.topology.model,
                               base.profile.name));
  const Session session =
      run_session(plan.tests, settings, base.topology, {&writer, &progress, &table});
  if (session.interrupted) return exit_status(session);
  fmt::print("\nResults: {}\n", writer.path().string());
  return exit_status(session);
}

}  // namespace corebench
