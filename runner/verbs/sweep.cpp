#include "runner/sweep.h"

#include <fmt/format.h>

#include "runner/error.h"
#include "runner/machine.h"
#include "runner/paths.h"
#include "runner/session.h"
#include "runner/verbs/verbs.h"

namespace corebench {

int sweep_verb(const Registry& registry, const SweepArgs& args) {
  Machine machine = detect_machine(args.run.profile);
  const std::vector<std::string> sets =
      args.sets.empty() ? machine.profile.sweep_sets : split_sweep_sets(args.sets);
  const std::vector<int> threads =
      args.threads.empty() ? machine.profile.sweep_threads : parse_sweep_threads(args.threads);
  const PlanRequest base{{},
                         "",
                         "",
                         suites_dir(),
                         std::move(machine.topology),
                         std::move(machine.profile),
                         placement_option(args.run.placement)};
  const SweepPlan plan = plan_telling_detection_problems(
      base.topology, [&] { return plan_sweep(registry, args.workload, sets, threads, base); });
  warn_if_core_types_uncertain(base.topology);
  for (const auto& note : plan.notes) fmt::print(stderr, "corebench: sweep: {}\n", note);
  if (plan.tests.empty()) throw Error("the sweep has no rows left to run");

  const Session session = run_session(plan.tests, args.run, base.topology, nullptr);
  if (session.interrupted) return kInterruptedExit;
  fmt::print("\n{} on {} ({} profile)\n", args.workload,
             base.topology.model.empty() ? "this machine" : base.topology.model, base.profile.name);
  fmt::print("{}",
             format_sweep(sweep_rows(session.result.tests), session.result.tests.front().unit));
  fmt::print("\nResults: {}\n", session.output.string());
  return 0;
}

}  // namespace corebench
