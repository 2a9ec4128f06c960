// Test specs ("workload:opt=v,...") from the command line, with their
// options resolved against the built-in registry as planning does.
#include "fuzz_support.h"
#include "runner/common/error.h"
#include "runner/plan/test_spec.h"
#include "workloads/options.h"
#include "workloads/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corebench;
  const std::string text(fuzz::as_text(data, size));
  fuzz::refused_only_by<Error, OptionError>([&] {
    const TestSpec spec = parse_test_spec(text);
    (void)spec.name();
    if (const WorkloadEntry* entry = builtin_registry().find(spec.workload))
      (void)resolve_options(entry->info, spec.options);
  });
  return 0;
}
