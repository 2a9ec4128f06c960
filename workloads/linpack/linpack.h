// Linpack in the style of HPL: solve a dense random system A x = b by blocked
// LU factorisation with partial pivoting, and report GFLOPS.
#pragma once

#include <cstdint>

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_linpack_entry();

namespace linpack {

// The order n=auto picks for a machine with this much memory.
std::int64_t auto_order(std::uint64_t memory_bytes);

}  // namespace linpack
}  // namespace corebench
