// A whole c-ray picture: 32x32 tiles handed out to threads one at a time.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "workloads/c-ray/octree.h"
#include "workloads/c-ray/pixel_rays.h"
#include "workloads/c-ray/tracer.h"
#include "workloads/common/rgb_image.h"

namespace corebench::cray {

class Renderer {
 public:
  static constexpr int kTileSize = 32;

  Renderer(Scene scene, int width, int height, int rays_per_pixel, LeafTest test);

  // Renders into `image` (width x height) and marks each finished tile in
  // `tiles_done` (one entry per tile, row by row).
  void render(RgbImage& image, std::vector<std::uint8_t>& tiles_done) const;
  int tile_count() const { return tiles_x_ * tiles_y_; }

  // One pixel with every sphere tested for every ray instead of the octree.
  std::array<std::uint8_t, 3> pixel_without_octree(int x, int y) const;

  const Octree& octree() const { return octree_; }

 private:
  template <class Spheres>
  std::array<std::uint8_t, 3> pixel(const Tracer<Spheres>& tracer, int x, int y) const;

  Scene scene_;
  Octree octree_;
  SphereList sphere_list_;
  PixelRays rays_;
  int width_, height_, rays_per_pixel_, tiles_x_, tiles_y_;
};

}  // namespace corebench::cray
