#include "workloads/common/cpu_mask.h"

#include <fmt/format.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace corebench {

cpu_set_t cpu_mask(const std::vector<int>& cpus) {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  for (const int cpu : cpus) {
    if (cpu < 0 || cpu >= CPU_SETSIZE)
      throw std::invalid_argument(
          fmt::format("CPU {} is beyond the largest mask ({} CPUs)", cpu, CPU_SETSIZE));
    CPU_SET(cpu, &mask);
  }
  return mask;
}

std::vector<int> allowed_cpus() {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  if (sched_getaffinity(0, sizeof mask, &mask) != 0)
    throw std::system_error(errno, std::generic_category(), "cannot read the CPU affinity");
  std::vector<int> cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &mask)) cpus.push_back(cpu);
  return cpus;
}

void pin_calling_thread(const std::vector<int>& cpus) {
  const cpu_set_t mask = cpu_mask(cpus);
  if (sched_setaffinity(0, sizeof mask, &mask) != 0)
    throw std::system_error(errno, std::generic_category(),
                            fmt::format("cannot pin to CPUs {}", fmt::join(cpus, ",")));
}

}  // namespace corebench
