// 8-bit RGB pictures for the renderers: PPM in and out, and the comparison
// their verify() steps use.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace corebench {

struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> bytes;  // row-major, 3 bytes a pixel, top row first
  // Where the samples behind a pixel centre, in pixels from its top-left
  // corner: 0.5 for a pixel sampled around its middle, 0 for a renderer
  // that samples around the corner (c-ray). Resampling honours it, so that
  // pictures of one scene at different sizes line up.
  double sample_centre = 0.5;

  RgbImage() = default;
  RgbImage(int w, int h) : width(w), height(h), bytes(std::size_t(w) * std::size_t(h) * 3) {}
  std::uint8_t* pixel(int x, int y) { return &bytes[(std::size_t(y) * width + x) * 3]; }
  const std::uint8_t* pixel(int x, int y) const { return &bytes[(std::size_t(y) * width + x) * 3]; }
};

// Binary PPM (P6, maxval 255). Parsing throws std::invalid_argument.
std::string encode_ppm(const RgbImage& image);
RgbImage decode_ppm(std::span<const unsigned char> file);
void write_ppm(const std::string& path, const RgbImage& image);

// The picture averaged over `width` x `height` equal areas, each output
// pixel weighting every input pixel by how much of it (a pixel-sized square
// around its sample centre) falls inside its area, so any input size maps
// onto the same grid; at the borders only the covered part counts. The
// result's samples centre in its pixels' middles. Channel values stay 0-255.
std::vector<double> area_resample(const RgbImage& image, int width, int height);

// Mean squared channel difference (0-255 scale) of two pictures of the same
// aspect ratio, after averaging both down to the smaller one's size. Throws
// std::invalid_argument when the aspect ratios differ.
double mean_squared_difference(const RgbImage& a, const RgbImage& b);

// Peak signal-to-noise ratio in dB for a mean squared difference on the
// 0-255 scale; infinity for 0.
double psnr_db(double mean_squared);

}  // namespace corebench
