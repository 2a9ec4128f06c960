// A loop over independent items on the OpenMP threads, handed out one at a
// time (items of unequal cost, cores of unequal speed), with the thread's
// number for per-thread state. An exception may not leave an OpenMP region:
// the first one is carried out and rethrown on the calling thread.
#pragma once

#include <omp.h>

#include <cstddef>
#include <exception>

namespace corebench {

template <class Work>
void parallel_for_each(std::size_t count, Work work) {
  std::exception_ptr error;
#pragma omp parallel for schedule(dynamic)
  for (std::size_t i = 0; i < count; ++i) {
    try {
      work(i, static_cast<std::size_t>(omp_get_thread_num()));
    } catch (...) {
#pragma omp critical(corebench_parallel_for_each_error)
      if (!error) error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace corebench
