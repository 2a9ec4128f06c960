// CPU-set expressions (--cpus, profiles, sweep --sets) on four fixture
// machines, so that core-type, cluster, L3 and node names all exist.
#include "fuzz_support.h"
#include "runner/machine/cpu_set_expression.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corebench;
  const std::string_view expression = fuzz::as_text(data, size);
  for (const Topology& topology : fuzz::fixture_topologies()) {
    fuzz::refused_only_by<CpuSetError>([&] {
      const CpuSet cpus = resolve_cpu_set(expression, topology);
      // What planning does next with a set: it must be online and not empty.
      if (cpus.empty()) __builtin_trap();
    });
  }
  return 0;
}
