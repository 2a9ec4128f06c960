// AOBench (Syoyo Fujita's ao.c): three spheres on a plane, shaded by
// ambient occlusion alone. Each pixel averages subsamples x subsamples
// primary rays; where one hits, ao_samples x ao_samples cosine-weighted
// rays from the hit point count how much of the sky is open.
#pragma once

#include <cstdint>
#include <span>

namespace corebench::aobench {

struct Settings {
  int size = 256;  // the picture is size x size pixels
  int subsamples = 2;
  int ao_samples = 8;

  // Where a pixel's subsamples centre, in pixels from its top-left corner.
  double sample_centre() const { return (subsamples - 1) / (2.0 * subsamples); }

  // Open-sky rays a pixel can count at most.
  std::uint32_t rays_per_pixel() const {
    return std::uint32_t(subsamples * subsamples) * std::uint32_t(ao_samples * ao_samples);
  }
};

// Renders row `y`: for each pixel, how many of its ambient-occlusion rays
// found open sky (primary rays that miss everything count none, as in
// ao.c). The random numbers come from a stream of the row's own, so a row's
// values do not depend on which thread renders it or when.
void render_row(const Settings& settings, int y, std::span<std::uint32_t> open_rays);

// ao.c's conversion of a pixel's open fraction to a byte.
std::uint8_t to_byte(double open_fraction);

}  // namespace corebench::aobench
