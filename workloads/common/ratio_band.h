// A range of compression ratios (original / compressed) a workload expects
// of its generated data: a check that the data is the intended kind and the
// codec ran with the settings asked for.
#pragma once

namespace corebench {

struct RatioBand {
  double low = 0;
  double high = 0;
  bool contains(double ratio) const { return ratio >= low && ratio <= high; }
};

}  // namespace corebench
