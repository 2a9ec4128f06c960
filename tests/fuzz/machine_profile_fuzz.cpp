// Machine profiles (profiles/machines/*.toml): loaded, then matched against
// the fixture machines and asked for a schedule, as detect_machine() does.
#include "fuzz_support.h"
#include "runner/common/error.h"
#include "runner/machine/machine_profile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corebench;
  const auto file = fuzz::input_file("profile.toml", fuzz::as_text(data, size));
  fuzz::refused_only_by<Error>([&] {
    const MachineProfile profile = load_machine_profile(file);
    for (const Topology& topology : fuzz::fixture_topologies()) {
      (void)profile_mismatches(profile, topology);
      (void)profile.schedule_for(topology.online, topology);
    }
  });
  return 0;
}
