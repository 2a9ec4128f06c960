// The OpenMP loop schedule a profile picks for `schedule(runtime)` loops,
// written as OMP_SCHEDULE is: "static", "dynamic,4", "guided".
#pragma once

#include <omp.h>

#include <string_view>

namespace corebench {

struct OpenmpSchedule {
  omp_sched_t kind = omp_sched_static;
  int chunk = 0;  // 0: the implementation's default
};

// Throws std::invalid_argument naming the text.
OpenmpSchedule parse_openmp_schedule(std::string_view text);

// For every later schedule(runtime) loop of the calling thread's tasks.
void apply_openmp_schedule(const OpenmpSchedule& schedule);

}  // namespace corebench
