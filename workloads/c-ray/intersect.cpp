#include "workloads/c-ray/intersect.h"

namespace corebench::cray {
namespace {

// Spheres tested in one vector loop before the results are looked at.
constexpr std::size_t kBatch = 32;

Vec3 reflect(Vec3 v, Vec3 n) {
  return v - n * (2.0 * dot(v, n));
}

// c-ray-fast's leaf: each sphere tested on its own, and every hit gets its
// surface computed before it is compared with the nearest so far.
void nearest_one_at_a_time(const SphereColumns& spheres, std::size_t begin, std::size_t end,
                           const RayQuery& q, NearestHit& hit) {
  for (std::size_t i = begin; i < end; ++i) {
    const double t = sphere_distance_early_out(q, spheres.x[i], spheres.y[i], spheres.z[i],
                                               spheres.radius_squared[i]);
    if (t == kNoHit) continue;
    const Surface surface = surface_at(spheres, i, q, t);
    if (t < hit.t) hit = {t, spheres.index[i], surface};
  }
}

void nearest_in_batches(const SphereColumns& spheres, std::size_t begin, std::size_t end,
                        const RayQuery& q, NearestHit& hit) {
  const double *x = spheres.x.data(), *y = spheres.y.data(), *z = spheres.z.data();
  const double* r2 = spheres.radius_squared.data();
  const double before = hit.t;
  std::size_t nearest = 0;
  double t[kBatch];
  for (std::size_t first = begin; first < end; first += kBatch) {
    const std::size_t n = std::min(kBatch, end - first);
#pragma omp simd
    for (std::size_t i = 0; i < n; ++i)
      t[i] = sphere_distance(q, x[first + i], y[first + i], z[first + i], r2[first + i]);
    for (std::size_t i = 0; i < n; ++i)
      if (t[i] < hit.t) {
        hit.t = t[i];
        nearest = first + i;
      }
  }
  if (hit.t < before) {
    hit.sphere = spheres.index[nearest];
    hit.surface = surface_at(spheres, nearest, q, hit.t);
  }
}

bool any_one_at_a_time(const SphereColumns& spheres, std::size_t begin, std::size_t end,
                       const RayQuery& q) {
  for (std::size_t i = begin; i < end; ++i)
    if (sphere_distance_early_out(q, spheres.x[i], spheres.y[i], spheres.z[i],
                                  spheres.radius_squared[i]) != kNoHit)
      return true;
  return false;
}

bool any_in_batches(const SphereColumns& spheres, std::size_t begin, std::size_t end,
                    const RayQuery& q) {
  const double *x = spheres.x.data(), *y = spheres.y.data(), *z = spheres.z.data();
  const double* r2 = spheres.radius_squared.data();
  for (std::size_t first = begin; first < end; first += kBatch) {
    const std::size_t last = std::min(first + kBatch, end);
    int blocked = 0;
#pragma omp simd reduction(| : blocked)
    for (std::size_t i = first; i < last; ++i)
      blocked |= sphere_distance(q, x[i], y[i], z[i], r2[i]) != kNoHit;
    if (blocked) return true;
  }
  return false;
}

}  // namespace

Surface surface_at(const SphereColumns& spheres, std::size_t i, const RayQuery& q, double t) {
  const Vec3 center{spheres.x[i], spheres.y[i], spheres.z[i]};
  const Vec3 point = q.origin + q.dir * t;
  const Vec3 normal = (point - center) * (1.0 / spheres.radius[i]);
  return {point, normal, normalize(reflect(q.dir, normal))};
}

void nearest_of(LeafTest test, const SphereColumns& spheres, std::size_t begin, std::size_t end,
                const RayQuery& q, NearestHit& hit) {
  if (test == LeafTest::sphere)
    nearest_one_at_a_time(spheres, begin, end, q, hit);
  else
    nearest_in_batches(spheres, begin, end, q, hit);
}

bool any_of(LeafTest test, const SphereColumns& spheres, std::size_t begin, std::size_t end,
            const RayQuery& q) {
  return test == LeafTest::sphere ? any_one_at_a_time(spheres, begin, end, q)
                                  : any_in_batches(spheres, begin, end, q);
}

SphereList::SphereList(const std::vector<Sphere>& spheres, LeafTest test) : test_(test) {
  for (std::size_t i = 0; i < spheres.size(); ++i)
    columns_.push_back(spheres[i], static_cast<int>(i));
}

NearestHit SphereList::nearest(const RayQuery& q) const {
  NearestHit hit;
  nearest_of(test_, columns_, 0, columns_.size(), q, hit);
  return hit;
}

bool SphereList::occluded(const RayQuery& q) const {
  return any_of(test_, columns_, 0, columns_.size(), q);
}

}  // namespace corebench::cray
