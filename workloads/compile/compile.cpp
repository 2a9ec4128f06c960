#include "workloads/compile/compile.h"

#include "workloads/compile/compile_workload.h"

namespace corebench {
namespace {

std::vector<OptionSpec> compile_options() {
  return {
      option("size")
          .choice({"small", "medium", "large"})
          .by_default("medium")
          .help("project size in CPU time with g++ -O2: small ~10 s, medium ~2 min, large ~8 min"),
      option("seed").integer(0, 2147483647).by_default("1").help("seed of the generated project"),
      option("compiler")
          .text()
          .by_default("auto")
          .help("C++ compiler command; auto = $CXX, else c++"),
      option("flags").text().by_default("-O2").help(
          "compiler flags, split at spaces (the project puts -std=c++17 before them)"),
      option("jobs")
          .integer(1, compile::JobScheduler::kMaxSlots)
          .by_default("auto")
          .help("compiler processes at once; auto = thread count"),
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
  // The sizes' CPU times as the option's help gives them.
  info.work_scale = WorkScale{.options = {"size"},
                              .of = [](const OptionValues& options) -> std::optional<double> {
                                const std::string& size = options.text("size");
                                return size == "small" ? 10 : size == "medium" ? 120 : 480;
                              }};
  return {std::move(info),
          [] { return std::unique_ptr<Workload>(new compile::CompileWorkload()); }};
}

}  // namespace corebench
