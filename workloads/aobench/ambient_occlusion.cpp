#include "workloads/aobench/ambient_occlusion.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "workloads/common/splitmix64.h"
#include "workloads/common/vec3.h"

namespace corebench::aobench {
namespace {

constexpr std::uint64_t kSeed = 0xa0bec4;
constexpr double kFar = 1.0e17;
// Lifts an occlusion ray's origin off the surface it starts on.
constexpr double kLift = 1.0e-4;

struct Ball {
  Vec3 center;
  double radius;
};
constexpr std::array<Ball, 3> kBalls{
    {{{-2.0, 0.0, -3.5}, 0.5}, {{-0.5, 0.0, -3.0}, 0.5}, {{1.0, 0.0, -2.2}, 0.5}}};
constexpr double kFloorY = -0.5;  // the plane y = -0.5, facing up

// Distance along a unit direction to the near side of a ball, as ao.c
// computes it: a ray starting inside a ball does not see it.
inline double ball_distance(const Ball& ball, Vec3 origin, Vec3 dir) {
  const Vec3 rs = origin - ball.center;
  const double b = dot(rs, dir);
  const double disc = b * b - (dot(rs, rs) - ball.radius * ball.radius);
  if (disc <= 0.0) return kFar;
  const double t = -b - std::sqrt(disc);
  return t > 0.0 ? t : kFar;
}

inline double floor_distance(Vec3 origin, Vec3 dir) {
  if (std::fabs(dir.y) < 1.0e-17) return kFar;
  const double t = (kFloorY - origin.y) / dir.y;
  return t > 0.0 ? t : kFar;
}

struct Surface {
  Vec3 point, normal;
};

// The nearest surface along a camera ray, if any.
bool first_hit(Vec3 dir, Surface& surface) {
  const Vec3 origin{0, 0, 0};
  double nearest = kFar;
  const Ball* ball = nullptr;
  for (const Ball& b : kBalls) {
    const double t = ball_distance(b, origin, dir);
    if (t < nearest) nearest = t, ball = &b;
  }
  const double t_floor = floor_distance(origin, dir);
  if (t_floor < nearest) {
    surface = {dir * t_floor, {0, 1, 0}};
    return true;
  }
  if (!ball) return false;
  surface.point = dir * nearest;
  surface.normal = normalize(surface.point - ball->center);
  return true;
}

bool blocked(Vec3 origin, Vec3 dir) {
  for (const Ball& b : kBalls)
    if (ball_distance(b, origin, dir) < kFar) return true;
  return floor_distance(origin, dir) < kFar;
}

// ao.c's tangent frame around a normal.
std::array<Vec3, 3> frame_around(Vec3 n) {
  Vec3 helper{1, 0, 0};
  if (!(n.x < 0.6 && n.x > -0.6)) {
    if (n.y < 0.6 && n.y > -0.6)
      helper = {0, 1, 0};
    else if (n.z < 0.6 && n.z > -0.6)
      helper = {0, 0, 1};
  }
  const Vec3 tangent = normalize(cross(helper, n));
  const Vec3 bitangent = normalize(cross(n, tangent));
  return {tangent, bitangent, n};
}

std::uint32_t open_rays_from(const Surface& s, int ao_samples, SplitMix64& random) {
  const Vec3 origin = s.point + s.normal * kLift;
  const auto [tangent, bitangent, normal] = frame_around(s.normal);
  std::uint32_t open = 0;
  for (int i = 0; i < ao_samples * ao_samples; ++i) {
    // Cosine-weighted direction: a uniform point on the unit disc lifted
    // onto the hemisphere.
    const double radius = std::sqrt(random.uniform());
    const double angle = 2.0 * std::numbers::pi * random.uniform();
    const double x = std::cos(angle) * radius, y = std::sin(angle) * radius;
    const double z = std::sqrt(1.0 - radius * radius);
    const Vec3 dir = tangent * x + bitangent * y + normal * z;
    open += !blocked(origin, dir);
  }
  return open;
}

}  // namespace

void render_row(const Settings& settings, int y, std::span<std::uint32_t> open_rays) {
  SplitMix64 random(SplitMix64(kSeed ^ static_cast<std::uint64_t>(y)).next());
  const double half = settings.size / 2.0;
  const double step = 1.0 / settings.subsamples;
  for (int x = 0; x < settings.size; ++x) {
    std::uint32_t open = 0;
    for (int v = 0; v < settings.subsamples; ++v)
      for (int u = 0; u < settings.subsamples; ++u) {
        const Vec3 dir =
            normalize({(x + u * step - half) / half, -(y + v * step - half) / half, -1.0});
        Surface surface;
        if (first_hit(dir, surface)) open += open_rays_from(surface, settings.ao_samples, random);
      }
    open_rays[static_cast<std::size_t>(x)] = open;
  }
}

std::uint8_t to_byte(double open_fraction) {
  return static_cast<std::uint8_t>(std::clamp(static_cast<int>(open_fraction * 255.5), 0, 255));
}

}  // namespace corebench::aobench
