#include "workloads/sysbench/prime_sieve.h"

#include <vector>

namespace corebench::sysbench {

std::uint64_t count_odd_primes_below(unsigned int max_prime) {
  if (max_prime <= 3) return 0;
  std::vector<bool> composite(max_prime, false);
  std::uint64_t count = 0;
  for (std::uint64_t p = 2; p < max_prime; ++p) {
    if (composite[p]) continue;
    if (p != 2) ++count;
    for (std::uint64_t m = p * p; m < max_prime; m += p) composite[m] = true;
  }
  return count;
}

}  // namespace corebench::sysbench
