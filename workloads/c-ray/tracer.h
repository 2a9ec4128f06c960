// c-ray's shading: Phong with shadow rays to every light, plus a mirror ray
// for reflective surfaces, up to five bounces deep.
#pragma once

#include "workloads/c-ray/intersect.h"
#include "workloads/c-ray/octree.h"

namespace corebench::cray {

// Colour along one ray. `Spheres` finds hits: the Octree when rendering,
// the SphereList when checking the octree.
template <class Spheres>
class Tracer {
 public:
  Tracer(const Scene& scene, const Spheres& spheres) : scene_(scene), spheres_(spheres) {}
  Color trace(const Ray& ray, int depth = 0) const;

 private:
  Color shade(const Ray& ray, const NearestHit& hit, int depth) const;

  const Scene& scene_;
  const Spheres& spheres_;
};

extern template class Tracer<Octree>;
extern template class Tracer<SphereList>;

}  // namespace corebench::cray
