#include "runner/child/thread_pinning.h"

#include <omp.h>
#include <sched.h>

#include <stdexcept>
#include <string>

#include "workloads/common/cpu_mask.h"

namespace corebench {

void pin_openmp_threads(const std::vector<int>& order) {
  if (order.empty()) return;
  std::string failure;
#pragma omp parallel
  {
    const auto cpu = order[static_cast<std::size_t>(omp_get_thread_num()) % order.size()];
    try {
      pin_calling_thread({cpu});
    } catch (const std::exception& error) {
#pragma omp critical(corebench_pin_failure)
      failure = error.what();
    }
  }
  if (!failure.empty()) throw std::runtime_error(failure);
}

std::vector<int> sample_openmp_thread_cpus() {
  std::vector<int> cpus(static_cast<std::size_t>(omp_get_max_threads()), -1);
#pragma omp parallel
  {
    const auto thread = static_cast<std::size_t>(omp_get_thread_num());
    if (thread < cpus.size()) cpus[thread] = sched_getcpu();
  }
  return cpus;
}

}  // namespace corebench
