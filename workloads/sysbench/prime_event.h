// One event of Sysbench 1.0.20's CPU test (src/tests/cpu/sb_cpu.c,
// cpu_execute_event): every number from 3 below `max_prime` tested for
// primality by trial division.
#pragma once

#include <cstdint>

namespace corebench::sysbench {

// The primes in [3, max_prime), counted the way Sysbench tests them: 64-bit
// unsigned candidates and divisors, the divisor compared as a double with
// the candidate's square root, one 64-bit division per divisor. Sysbench
// discards the count; it is returned here for the check.
std::uint64_t count_primes_by_trial_division(unsigned int max_prime);

}  // namespace corebench::sysbench
