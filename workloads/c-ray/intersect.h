// Ray-sphere tests of c-ray: rays are segments origin + t * dir with t in
// (kEpsilon, 1]. A leaf's spheres are tested one at a time, as c-ray-fast
// does (the default), or as columns in one vector loop (faster, and faster
// still with wider vectors than c-ray-fast ever uses: not comparable with
// published C-Ray results).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "workloads/c-ray/scene.h"

namespace corebench::cray {

// Keeps a ray that leaves a surface from hitting that surface again.
constexpr double kEpsilon = 1e-6;
constexpr double kNoHit = std::numeric_limits<double>::infinity();

struct Ray {
  Vec3 origin;
  Vec3 dir;  // not normalised: its length is the segment's
};

// A ray with the per-ray terms every test needs, computed once.
struct RayQuery {
  explicit RayQuery(const Ray& ray)
      : origin(ray.origin),
        dir(ray.dir),
        inv_dir{1.0 / ray.dir.x, 1.0 / ray.dir.y, 1.0 / ray.dir.z},
        dir_squared(dot(ray.dir, ray.dir)),
        inv_dir_squared(1.0 / dir_squared) {}
  Vec3 origin, dir, inv_dir;
  double dir_squared, inv_dir_squared;
};

enum class LeafTest {
  sphere,  // one sphere at a time, point and normal of every hit, as c-ray-fast
  vector,  // a batch of spheres per vector loop, point and normal of the nearest
};

// Where a ray meets a sphere, as shading needs it.
struct Surface {
  Vec3 point, normal;  // the normal points out of the sphere
  Vec3 mirror;         // the ray's direction reflected about the normal, unit length
};

struct NearestHit {
  double t = kNoHit;
  int sphere = -1;  // index into Scene::spheres; -1: no hit
  Surface surface;
};

// Spheres as columns of centre coordinates and squared radii, plus the
// scene index of each.
struct SphereColumns {
  std::vector<double> x, y, z, radius, radius_squared;
  std::vector<int> index;

  void push_back(const Sphere& sphere, int scene_index) {
    x.push_back(sphere.center.x);
    y.push_back(sphere.center.y);
    z.push_back(sphere.center.z);
    radius.push_back(sphere.radius);
    radius_squared.push_back(sphere.radius * sphere.radius);
    index.push_back(scene_index);
  }
  std::size_t size() const { return index.size(); }
};

// The terms of the quadratic in t for one ray and one sphere.
struct SphereQuadratic {
  double half_b, discriminant;
};

inline SphereQuadratic sphere_quadratic(const RayQuery& q, double cx, double cy, double cz,
                                        double radius_squared) {
  const double ox = q.origin.x - cx, oy = q.origin.y - cy, oz = q.origin.z - cz;
  const double half_b = q.dir.x * ox + q.dir.y * oy + q.dir.z * oz;
  const double c = ox * ox + oy * oy + oz * oz - radius_squared;
  return {half_b, half_b * half_b - q.dir_squared * c};
}

// The ray parameter where the ray meets a sphere, or kNoHit. As in c-ray: a
// miss when both roots lie before kEpsilon or both beyond 1; otherwise the
// near root, or the far one when the near one lies before kEpsilon (the
// origin is inside the sphere), even if the far one lies beyond 1.
// Written without branches so that a loop over spheres vectorises.
inline double root_distance(const RayQuery& q, SphereQuadratic k) {
  const double half_b = k.half_b, disc = k.discriminant;
  const double root = std::sqrt(disc > 0.0 ? disc : 0.0);
  const double t_near = (-half_b - root) * q.inv_dir_squared;
  const double t_far = (-half_b + root) * q.inv_dir_squared;
  const double t = t_near >= kEpsilon ? t_near : t_far;
  const bool hit = (disc >= 0.0) & (t_far >= kEpsilon) & (t_near <= 1.0);
  return hit ? t : kNoHit;
}

inline double sphere_distance(const RayQuery& q, double cx, double cy, double cz,
                              double radius_squared) {
  return root_distance(q, sphere_quadratic(q, cx, cy, cz, radius_squared));
}

// The same distance with c-ray-fast's early out: no root for a ray that
// misses the sphere's line.
inline double sphere_distance_early_out(const RayQuery& q, double cx, double cy, double cz,
                                        double radius_squared) {
  const SphereQuadratic k = sphere_quadratic(q, cx, cy, cz, radius_squared);
  if (k.discriminant < 0.0) return kNoHit;
  return root_distance(q, k);
}

// Where the ray meets sphere i of the columns at t.
Surface surface_at(const SphereColumns& spheres, std::size_t i, const RayQuery& q, double t);

// Tests spheres [begin, end) and keeps the nearest hit, its surface filled
// in; on equal distances the earlier sphere wins.
void nearest_of(LeafTest test, const SphereColumns& spheres, std::size_t begin, std::size_t end,
                const RayQuery& q, NearestHit& hit);

// Whether any of spheres [begin, end) blocks the ray.
bool any_of(LeafTest test, const SphereColumns& spheres, std::size_t begin, std::size_t end,
            const RayQuery& q);

// Every sphere tested for every ray: the reference the octree is checked
// against.
class SphereList {
 public:
  SphereList(const std::vector<Sphere>& spheres, LeafTest test);
  NearestHit nearest(const RayQuery& q) const;
  bool occluded(const RayQuery& q) const;

 private:
  LeafTest test_;
  SphereColumns columns_;
};

}  // namespace corebench::cray
