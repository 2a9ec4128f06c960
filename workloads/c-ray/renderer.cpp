#include "workloads/c-ray/renderer.h"

#include <algorithm>
#include <cmath>

namespace corebench::cray {
namespace {

// c-ray's output: gamma-corrected, scaled to 255, truncated, clamped.
std::uint8_t to_byte(float value, double inv_gamma) {
  const double scaled = std::pow(std::max(value, 0.0f), inv_gamma) * 255.0;
  return static_cast<std::uint8_t>(std::clamp(static_cast<int>(std::min(scaled, 256.0)), 0, 255));
}

}  // namespace

Renderer::Renderer(Scene scene, int width, int height, int rays_per_pixel, LeafTest test)
    : scene_(std::move(scene)),
      octree_(scene_.spheres, test),
      sphere_list_(scene_.spheres, test),
      rays_(scene_.camera, width, height),
      width_(width),
      height_(height),
      rays_per_pixel_(rays_per_pixel),
      tiles_x_((width + kTileSize - 1) / kTileSize),
      tiles_y_((height + kTileSize - 1) / kTileSize) {}

template <class Spheres>
std::array<std::uint8_t, 3> Renderer::pixel(const Tracer<Spheres>& tracer, int x, int y) const {
  float r = 0, g = 0, b = 0;
  for (int s = 0; s < rays_per_pixel_; ++s) {
    const Color c = tracer.trace(rays_.ray(x, y, s));
    r += c.r;
    g += c.g;
    b += c.b;
  }
  const double inv_gamma = 1.0 / scene_.gamma;
  const float scale = 1.0f / static_cast<float>(rays_per_pixel_);
  return {to_byte(r * scale, inv_gamma), to_byte(g * scale, inv_gamma),
          to_byte(b * scale, inv_gamma)};
}

void Renderer::render(RgbImage& image, std::vector<std::uint8_t>& tiles_done) const {
  const Tracer<Octree> tracer(scene_, octree_);
#pragma omp parallel for schedule(dynamic, 1)
  for (int tile = 0; tile < tile_count(); ++tile) {
    const int x0 = tile % tiles_x_ * kTileSize, y0 = tile / tiles_x_ * kTileSize;
    const int x1 = std::min(x0 + kTileSize, width_), y1 = std::min(y0 + kTileSize, height_);
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        const auto rgb = pixel(tracer, x, y);
        std::copy(rgb.begin(), rgb.end(), image.pixel(x, y));
      }
    tiles_done[static_cast<std::size_t>(tile)] = 1;
  }
}

std::array<std::uint8_t, 3> Renderer::pixel_without_octree(int x, int y) const {
  return pixel(Tracer<SphereList>(scene_, sphere_list_), x, y);
}

}  // namespace corebench::cray
