// zlib deflate and inflate, pigz-style: a generated corpus compressed or
// decompressed in memory with zlib, in independent chunks over the threads.
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_compress_entry();

}  // namespace corebench
