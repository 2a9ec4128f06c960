// Wall-clock seconds of one call, for the side-by-side comparison tools.
#pragma once

#include <chrono>

namespace corebench {

template <class F>
double seconds_of(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace corebench
