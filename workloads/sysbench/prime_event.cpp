#include "workloads/sysbench/prime_event.h"

#include <cmath>

namespace corebench::sysbench {

// The types and the bound are Sysbench's: `unsigned long long` candidate and
// divisor, `double` square root compared with the divisor converted to
// double on every step, and a 64-bit remainder. That keeps the instructions
// (cvtsi2sd/ucvtf, the 64-bit div/udiv) that make the test what it measures;
// a 32-bit or an integer-only bound would be another, faster test. This
// function stays out of line, as the original's event is a call.
std::uint64_t count_primes_by_trial_division(unsigned int max_prime) {
  unsigned long long n = 0;
  for (unsigned long long c = 3; c < max_prime; c++) {
    const double t = std::sqrt(static_cast<double>(c));
    unsigned long long l;
    for (l = 2; static_cast<double>(l) <= t; l++)
      if (c % l == 0) break;
    if (static_cast<double>(l) > t) n++;
  }
  return n;
}

}  // namespace corebench::sysbench
