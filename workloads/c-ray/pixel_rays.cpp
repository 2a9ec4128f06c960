#include "workloads/c-ray/pixel_rays.h"

#include <numbers>

#include "workloads/common/splitmix64.h"

namespace corebench::cray {
namespace {

constexpr double kRayLength = 1000.0;
constexpr std::uint64_t kJitterSeed = 0xc0ffee;

// c-ray keeps the camera's axes in single precision.
Vec3 as_float(Vec3 v) {
  return {static_cast<float>(v.x), static_cast<float>(v.y), static_cast<float>(v.z)};
}

}  // namespace

PixelRays::PixelRays(const Camera& camera, int width, int height)
    : origin_(camera.position),
      width_(width),
      height_(height),
      aspect_(static_cast<double>(width) / height) {
  // As in c-ray the side and up axes are not normalised: both shrink by the
  // cosine of the camera's pitch, which narrows the view the same way.
  const Vec3 forward = normalize(camera.target - camera.position);
  const Vec3 right = cross({0, 1, 0}, forward);
  const Vec3 up = cross(forward, right);
  const double focal = 2.0 / (camera.fov_degrees * std::numbers::pi / 180.0);
  right_ = as_float(right) * kRayLength;
  up_ = as_float(up) * kRayLength;
  forward_ = as_float(forward) * (focal * kRayLength);

  SplitMix64 random(kJitterSeed);
  for (float& o : offset_x_) o = static_cast<float>(random.uniform() - 0.5);
  for (float& o : offset_y_) o = static_cast<float>(random.uniform() - 0.5);
  for (int& s : scramble_) s = static_cast<int>(random.next() % kTableSize);
}

Ray PixelRays::ray(int x, int y, int sample) const {
  double px = x, py = y;
  if (sample > 0) {
    // Jitter tables indexed as in Graphics Gems' "jitter", like c-ray.
    constexpr int mask = kTableSize - 1;
    px += offset_x_[(x + (y << 2) + scramble_[(x + sample) & mask]) & mask];
    py += offset_y_[(y + (x << 2) + scramble_[(y + sample) & mask]) & mask];
  }
  const double sx = (px / width_ * 2.0 - 1.0) * aspect_;
  const double sy = 1.0 - py / height_ * 2.0;
  return {origin_, right_ * sx + up_ * sy + forward_};
}

}  // namespace corebench::cray
