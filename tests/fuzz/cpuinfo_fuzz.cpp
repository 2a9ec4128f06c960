// /proc/cpuinfo: parsed alone, then as the only file of a machine, which
// detection must survive (fallbacks and warnings, never an exception).
#include <filesystem>

#include "fuzz_support.h"
#include "runner/machine/cpuinfo.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corebench;
  const std::string_view text = fuzz::as_text(data, size);
  const Cpuinfo cpuinfo = Cpuinfo::parse(text);
  for (const int cpu : cpuinfo.processors()) (void)cpuinfo.field(cpu, "flags");
  (void)cpuinfo.any("model name");

  static const std::filesystem::path root = [] {
    const auto dir = fuzz::input_file("machine-placeholder", "").parent_path() / "machine";
    std::filesystem::create_directories(dir / "proc");
    return dir;
  }();
  fuzz::input_file("machine/proc/cpuinfo", text);
  (void)detect_topology(root.string());
  return 0;
}
