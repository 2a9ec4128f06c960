// The kernel's CPU masks (cpu_set_t), built in one place with a bound
// check, for the runner's pinning and for workloads that start processes.
#pragma once

#include <sched.h>

#include <vector>

namespace corebench {

// Throws std::invalid_argument naming a CPU outside 0 to CPU_SETSIZE - 1
// (which CPU_SET would write past the mask for).
cpu_set_t cpu_mask(const std::vector<int>& cpus);

// The CPUs the calling thread may run on, ascending. Throws std::system_error.
std::vector<int> allowed_cpus();

// Restricts the calling thread (and the threads it starts later) to `cpus`.
// Throws std::system_error when the kernel refuses, std::invalid_argument
// for a CPU out of range.
void pin_calling_thread(const std::vector<int>& cpus);

}  // namespace corebench
