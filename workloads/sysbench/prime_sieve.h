// The expected answer of one Sysbench CPU event, computed another way.
#pragma once

#include <cstdint>

namespace corebench::sysbench {

// The number of primes p with 3 <= p < max_prime (pi(max_prime - 1) - 1),
// by the sieve of Eratosthenes.
std::uint64_t count_odd_primes_below(unsigned int max_prime);

}  // namespace corebench::sysbench
