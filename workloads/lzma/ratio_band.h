// The compression ratio (original / compressed) liblzma reaches at level 5
// on 7-Zip's benchmark data: a check that the data is 7-Zip's kind and the
// encoder ran with the settings asked for. The data gets harder as it grows
// (its copy distances grow with the position) and copies beyond the
// dictionary become literals. Measured with liblzma 5.4.1, streams of salts
// 0 and 1 together: 2.58 at 64 KiB, 2.56 at 192 KiB (dict 2^22), 2.40, 2.36,
// 2.33, 2.29 at 7-Zip's sizes for 2^22 to 2^25, 2.05 at 64 MiB with 2^22;
// widened by about 5 % for other liblzma builds.
#pragma once

#include "workloads/common/ratio_band.h"

namespace corebench::lzma {

inline RatioBand expected_ratio() {
  return {1.95, 2.70};
}

}  // namespace corebench::lzma
