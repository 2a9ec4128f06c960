#include "workloads/common/memory_guard.h"

#include <fmt/format.h>
#include <unistd.h>

#include "workloads/options.h"

namespace corebench {

std::uint64_t machine_memory_bytes(const RunConfig& config) {
  if (config.memory_bytes) return config.memory_bytes;
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  return pages > 0 && page > 0
             ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page)
             : 0;
}

void refuse_unless_it_fits(const RunConfig& config, double needed_bytes, const std::string& option,
                           const std::string& value) {
  const double memory = static_cast<double>(machine_memory_bytes(config));
  if (memory > 0 && needed_bytes > kMaxMemoryShare * memory)
    throw OptionError(fmt::format(
        "option '{}': {} needs about {:.1f} GiB, more than {:.0f}% of this machine's {:.1f} GiB",
        option, value, needed_bytes / (1ull << 30), 100 * kMaxMemoryShare, memory / (1ull << 30)));
}

}  // namespace corebench
