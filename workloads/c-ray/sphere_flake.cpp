// The "sphfract" scene that C-Ray 2.0 benchmarks render, built here instead
// of read from its 947-line scene file.
#include <array>

#include "workloads/c-ray/scene.h"

namespace corebench::cray {
namespace {

constexpr int kLevels = 5;
constexpr double kChildScale = 0.4;
constexpr Material kFlakeMaterial{{0.25f, 0.25f, 0.25f}, {1, 1, 1}, 50.0, 0.65};

// A sphere of `radius` at `center`, then its children along the six axis
// directions except `from`, the one pointing back at its parent (-1: none).
// Children come in the order +x, -x, +y, -y, +z, -z, as in the published
// scene file, so the octree holds them in the same order.
void grow_flake(std::vector<Sphere>& out, Vec3 center, double radius, int levels, int from) {
  out.push_back({center, radius, kFlakeMaterial});
  if (levels == 1) return;
  static constexpr std::array<Vec3, 6> kDirections{
      {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}}};
  const double offset = radius * (1 + kChildScale);
  for (int d = 0; d < 6; ++d) {
    const int opposite = d ^ 1;
    if (opposite == from) continue;
    grow_flake(out, center + kDirections[d] * offset, radius * kChildScale, levels - 1, d);
  }
}

}  // namespace

Scene sphere_flake_scene() {
  Scene scene;
  grow_flake(scene.spheres, {0, 0, 0}, 1.0, kLevels, -1);
  scene.spheres.push_back({{0, -10002.25, 0}, 10000, {{0.2f, 0.35f, 0.5f}, {1, 1, 1}, 80, 0.4}});
  scene.spheres.push_back({{0, 10100, 0}, 10000, {{0.5f, 0.2f, 0.1f}, {1, 1, 1}, 40, 0.0}});
  scene.lights = {{{-50, 68, -50}, {1, 1, 1}}, {{40, 40, 150}, {1, 1, 1}}};
  scene.camera = {{-9, 8, -17}, {0, -0.15, 0}, 16.5};
  scene.ambient = {0.05f, 0.05f, 0.05f};
  scene.gamma = 1.0;
  return scene;
}

}  // namespace corebench::cray
