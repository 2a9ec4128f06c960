#include "workloads/c-ray/intersect.h"

namespace corebench::cray {
namespace {

// Spheres tested in one vector loop before the results are looked at.
constexpr std::size_t kBatch = 32;

}  // namespace

void nearest_of(const SphereColumns& spheres, std::size_t begin, std::size_t end, const RayQuery& q,
                NearestHit& hit) {
  const double *x = spheres.x.data(), *y = spheres.y.data(), *z = spheres.z.data();
  const double* r2 = spheres.radius_squared.data();
  double t[kBatch];
  for (std::size_t first = begin; first < end; first += kBatch) {
    const std::size_t n = std::min(kBatch, end - first);
#pragma omp simd
    for (std::size_t i = 0; i < n; ++i)
      t[i] = sphere_distance(q, x[first + i], y[first + i], z[first + i], r2[first + i]);
    for (std::size_t i = 0; i < n; ++i)
      if (t[i] < hit.t) hit = {t[i], spheres.index[first + i]};
  }
}

bool any_of(const SphereColumns& spheres, std::size_t begin, std::size_t end, const RayQuery& q) {
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

SphereList::SphereList(const std::vector<Sphere>& spheres) {
  for (std::size_t i = 0; i < spheres.size(); ++i)
    columns_.push_back(spheres[i], static_cast<int>(i));
}

NearestHit SphereList::nearest(const RayQuery& q) const {
  NearestHit hit;
  nearest_of(columns_, 0, columns_.size(), q, hit);
  return hit;
}

bool SphereList::occluded(const RayQuery& q) const {
  return any_of(columns_, 0, columns_.size(), q);
}

}  // namespace corebench::cray
