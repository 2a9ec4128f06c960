// One sysfs value file read every way detection reads one (text, number,
// integer, CPU list, cache size), and the kernel's CPU-list notation parsed
// directly. Garbled values are warnings, never exceptions.
#include "fuzz_support.h"
#include "runner/common/error.h"
#include "runner/machine/cpu_list.h"
#include "runner/machine/sysfs_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corebench;
  const std::string_view contents = fuzz::as_text(data, size);
  const auto file = fuzz::input_file("value", contents);
  std::vector<std::string> warnings;
  const SysfsReader reader(file.parent_path().string(), warnings);
  (void)reader.text("value");
  (void)reader.number("value");
  (void)reader.integer("value");
  (void)reader.cpu_list("value");
  (void)reader.size("value");
  fuzz::refused_only_by<Error>([&] {
    const std::vector<int> cpus = parse_cpu_list(std::string(contents));
    // The compact form must parse back to the same CPUs.
    if (parse_cpu_list(format_cpu_list(cpus)) != cpus) __builtin_trap();
  });
  return 0;
}
