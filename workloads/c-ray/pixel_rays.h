// The primary rays of a pixel: c-ray's pinhole camera and its jittered
// supersampling, where the jitter depends only on the pixel and the sample
// number, so every thread count renders the same picture.
#pragma once

#include <array>

#include "workloads/c-ray/intersect.h"

namespace corebench::cray {

// Where the samples of a pixel centre: on its top-left corner.
constexpr double kSampleCentre = 0.0;

class PixelRays {
 public:
  PixelRays(const Camera& camera, int width, int height);

  // Sample 0 goes through the pixel's corner, later samples up to half a
  // pixel away from it.
  Ray ray(int x, int y, int sample) const;

 private:
  static constexpr int kTableSize = 1024;  // a power of two

  Vec3 origin_, right_, up_, forward_;
  double width_, height_, aspect_;
  std::array<float, kTableSize> offset_x_, offset_y_;
  std::array<int, kTableSize> scramble_;
};

}  // namespace corebench::cray
