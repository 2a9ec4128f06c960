// How far a correct AOBench picture may lie from the stored reference: the
// mean squared difference (0-255 scale) after both are averaged down to the
// compared size, for the sample counts and size of the run. The derivation
// is in docs/workloads/raytracing.md.
#pragma once

#include "workloads/aobench/ambient_occlusion.h"
#include "workloads/common/rgb_image.h"

namespace corebench::aobench {

// The settings the stored reference was rendered with (then averaged down).
constexpr Settings kReferenceSettings{2048, 2, 8};

struct PictureBound {
  int compared_size = 0;  // both pictures are averaged down to this
  double noise = 0;       // the run's Monte-Carlo noise and its spread over the pixels
  double aliasing = 0;    // the run's point samples against area averages, at edges
  double reference = 0;   // the reference's own noise and aliasing, and byte rounding
  // The bound on the mean squared difference.
  double total() const;
};

PictureBound picture_bound(const Settings& run, const RgbImage& reference);

}  // namespace corebench::aobench
