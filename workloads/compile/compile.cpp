#include "workloads/compile/compile.h"

#include "workloads/compile/compile_workload.h"

namespace corebench {
namespace {

std::vector<OptionSpec> compile_options() {
  return {
      {"size",
       OptionKind::Choice,
       "medium",
       "project size in CPU time with g++ -O2: small ~10 s, medium ~2 min, large ~8 min",
       {"small", "medium", "large"}},
      {"seed", OptionKind::Integer, "1", "seed of the generated project", {}, 0, 2147483647},
      {"compiler", OptionKind::Text, "auto", "C++ compiler command; auto = $CXX, else c++", {}},
      {"flags",
       OptionKind::Text,
       "-O2",
       "compiler flags, split at spaces (the project puts -std=c++17 before them)",
       {}},
      {"jobs",
       OptionKind::Integer,
       "auto",
       "compiler processes at once; auto = thread count",
       {},
       1,
       compile::JobScheduler::kMaxSlots},
  };
}

}  // namespace

WorkloadEntry make_compile_entry() {
  // Designated initialisers: assigning short literals to the strings trips a
  // GCC 12 -Wrestrict false positive (GCC bug 105329).
  WorkloadInfo info{
      .id = "compile",
      .title = "Timed build of a generated C++ project",
      .category = "developer",
      .unit = "s",
      .metric = MetricKind::Seconds,
      .options = compile_options(),
      .verification =
          "the linked program prints the checksum the generator computed in advance; a compile or "
          "link error fails the test with the compiler's message",
  };
  return {std::move(info),
          [] { return std::unique_ptr<Workload>(new compile::CompileWorkload()); }};
}

}  // namespace corebench
