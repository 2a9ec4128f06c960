#include "workloads/sysbench/sysbench.h"

#include "workloads/sysbench/sysbench_workload.h"

namespace corebench {

WorkloadEntry make_sysbench_entry() {
  // Designated initialisers: see compress.cpp (GCC bug 105329).
  WorkloadInfo info{
      .id = "sysbench",
      .title = "Sysbench 1.0.20 CPU test: primes by 64-bit trial division",
      .category = "developer",
      .unit = "events/s",
      .metric = MetricKind::Rate,
      .options =
          {
              option("max-prime")
                  .integer(3, 10000000)
                  .by_default("10000")
                  .help(
                      "Sysbench's cpu-max-prime: each event tests every number in [3, max-prime)"),
              option("events").integer(1, 1e8).by_default("auto").help(
                  "events per run (auto: about 10 s of the development VM's work per thread)"),
          },
      .verification =
          "every event's prime count equals pi(max-prime - 1) - 1 from a sieve of "
          "Eratosthenes (1228 for 10000)",
  };
  info.work_scale = WorkScale{.options = {"events"},
                              .of = [](const OptionValues& options) -> std::optional<double> {
                                return given_number(options, "events");
                              }};
  return {std::move(info),
          [] { return std::unique_ptr<Workload>(new sysbench::SysbenchWorkload()); }};
}

}  // namespace corebench
