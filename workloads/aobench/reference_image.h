// The AOBench picture a run is compared with, at 256x256: our renderer's
// 2048x2048 picture (2x2 subsamples, 8x8 occlusion rays) averaged over 8x8
// pixel areas. Checked against ao.c's own picture when made (see docs);
// built into the binary from reference/aobench_256.ppm.
#pragma once

#include <span>

namespace corebench::aobench {

std::span<const unsigned char> reference_ppm();

}  // namespace corebench::aobench
