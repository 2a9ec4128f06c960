// 7-Zip's LZMA benchmark (`7z b`): its generated data compressed with LZMA
// level 5 or decompressed, rated in 7-Zip's "MIPS".
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_lzma_entry();

}  // namespace corebench
