#include "runner/cli/dry_run.h"

#include <fmt/format.h>

#include <iostream>

#include "runner/plan/estimate.h"
#include "runner/results/report/text_layout.h"

namespace corebench {

void print_dry_run(const std::vector<PlannedTest>& tests, const ResultFile* reference,
                   const DryRunSettings& settings) {
  const int runs = least_runs(settings.runs, settings.warmup);
  std::vector<std::vector<std::string>> grid = {
      {"#", "test", "cpus", "threads", "placement", "estimate", "from"}};
  double total = 0;
  std::size_t unknown = 0;
  for (std::size_t i = 0; i < tests.size(); ++i) {
    const PlannedTest& test = tests[i];
    const TimeEstimate estimate =
        estimate_run(test.entry->info, test.options, test.spec.name(), reference);
    if (estimate.run_seconds) total += runs * *estimate.run_seconds;
    unknown += !estimate.run_seconds;
    grid.push_back(
        {std::to_string(i + 1), test.spec.name(),
         fmt::format("{} ({})", test.cpus.to_string(), test.cpus_spec),
         test.copies.empty() ? std::to_string(test.threads)
                             : fmt::format("{} x {} (copies)", test.copies.size(), test.threads),
         test.placement,
         estimate.run_seconds ? fmt::format("{} x {}", runs, format_duration(*estimate.run_seconds))
                              : "unknown",
         estimate.basis});
  }
  fmt::print("{} tests planned with machine profile {}; nothing is run (--dry-run).\n\n",
             tests.size(), settings.profile);
  std::cout << layout_grid(
      grid,
      {.width = kTextWidth, .wrapping = {1, 2, 6}, .right_aligned_from = 99, .rules_before = {1}});
  const std::string reference_name = !reference                  ? ""
                                     : !reference->label.empty() ? reference->label
                                                                 : reference->system.hostname;
  fmt::print(
      "\nEstimated: {} for {} of {} tests{} ({} runs each, warm-up included; setup not counted; "
      "more runs are added while a test's runs vary by 2.5 % or more).\n",
      format_duration(total), tests.size() - unknown, tests.size(),
      unknown ? fmt::format("; {} unknown", unknown) : "", runs);
  if (reference)
    fmt::print(
        "Estimates are the reference machine's ({}) run times, scaled by each test's work where "
        "the reference ran it at another size.\n",
        reference_name);
}

}  // namespace corebench
