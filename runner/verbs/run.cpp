#include <fmt/format.h>

#include <iostream>

#include "runner/compare.h"
#include "runner/machine.h"
#include "runner/paths.h"
#include "runner/plan.h"
#include "runner/report/reporter.h"
#include "runner/session.h"
#include "runner/verbs/verbs.h"

namespace corebench {

int run_verb(const Registry& registry, const RunArgs& args) {
  Machine machine = detect_machine(args.profile);
  PlanRequest request{args.targets,
                      args.cpus,
                      args.threads,
                      suites_dir(),
                      std::move(machine.topology),
                      std::move(machine.profile),
                      placement_option(args.placement)};
  if (request.targets.empty()) request.targets = {"quick"};
  const std::vector<PlannedTest> tests = plan_telling_detection_problems(
      request.topology, [&] { return plan_tests(registry, request); });
  warn_if_core_types_uncertain(request.topology);
  const std::optional<ResultFile> reference = load_reference(args.reference);
  const ResultFile* ref = reference ? &*reference : nullptr;

  const Session session = run_session(tests, args, request.topology, ref);
  if (session.interrupted) return kInterruptedExit;
  fmt::print("\n");
  make_text_reporter()->write(compare({session.result}, ref), std::cout);
  fmt::print("\nResults: {}\n", session.output.string());
  return 0;
}

}  // namespace corebench
