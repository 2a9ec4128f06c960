#include "workloads/c-ray/tracer.h"

#include <algorithm>
#include <cmath>

namespace corebench::cray {
namespace {

constexpr int kMaxDepth = 5;
// Mirror rays are segments this long, as in c-ray.
constexpr double kRayLength = 1000.0;

}  // namespace

template <class Spheres>
Color Tracer<Spheres>::trace(const Ray& ray, int depth) const {
  if (depth >= kMaxDepth) return scene_.background;
  const NearestHit hit = spheres_.nearest(RayQuery(ray));
  if (hit.sphere < 0) return scene_.background;
  return shade(ray, hit, depth);
}

template <class Spheres>
Color Tracer<Spheres>::shade(const Ray& ray, const NearestHit& hit, int depth) const {
  const Material& m = scene_.spheres[static_cast<std::size_t>(hit.sphere)].material;
  const Vec3 point = hit.surface.point, view_mirror = hit.surface.mirror;
  Vec3 normal = hit.surface.normal;
  if (dot(ray.dir, normal) > 0) normal = -normal;  // seen from inside

  Color color{scene_.ambient.r * m.diffuse.r, scene_.ambient.g * m.diffuse.g,
              scene_.ambient.b * m.diffuse.b};
  for (const Light& light : scene_.lights) {
    const Vec3 to_light = light.position - point;
    if (spheres_.occluded(RayQuery(Ray{point, to_light}))) continue;
    const Vec3 l = normalize(to_light);
    const auto diffuse = static_cast<float>(std::max(dot(normal, l), 0.0));
    const auto specular =
        m.shininess > 0
            ? static_cast<float>(std::pow(std::max(dot(view_mirror, l), 0.0), m.shininess))
            : 0.0f;
    color.r += (diffuse * m.diffuse.r + specular * m.specular.r) * light.color.r;
    color.g += (diffuse * m.diffuse.g + specular * m.specular.g) * light.color.g;
    color.b += (diffuse * m.diffuse.b + specular * m.specular.b) * light.color.b;
  }
  if (m.reflectivity > 0) {
    const Color mirrored = trace(Ray{point, view_mirror * kRayLength}, depth + 1);
    const auto weight = static_cast<float>(m.reflectivity);
    color.r += mirrored.r * weight;
    color.g += mirrored.g * weight;
    color.b += mirrored.b * weight;
  }
  return color;
}

template class Tracer<Octree>;
template class Tracer<SphereList>;

}  // namespace corebench::cray
