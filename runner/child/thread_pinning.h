// Binding the pinned child's OpenMP threads to the CPUs the plan gave them,
// and seeing where they are.
#pragma once

#include <vector>

namespace corebench {

// Binds OpenMP thread i of the current team size to order[i % order.size()].
// libgomp and libomp keep their pool threads between parallel regions of
// the same size, so the binding holds for the workload's regions. Throws
// std::runtime_error when the kernel refuses.
void pin_openmp_threads(const std::vector<int>& order);

// The CPU each OpenMP thread is on right now (sched_getcpu), by thread
// number, from inside a parallel region of the current team size.
std::vector<int> sample_openmp_thread_cpus();

}  // namespace corebench
