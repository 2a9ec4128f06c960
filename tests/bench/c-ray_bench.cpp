// The hot kernels of the c-ray workload: octree walks with their
// ray-sphere tests, and whole pixels, for each leaf test (vector_leaf:0 is
// leaf=sphere, one sphere at a time; vector_leaf:1 is leaf=vector, batches).
#include <benchmark/benchmark.h>

#include "workloads/c-ray/octree.h"
#include "workloads/c-ray/pixel_rays.h"
#include "workloads/c-ray/tracer.h"

namespace corebench::cray {
namespace {

// Primary rays of a 64x36 picture of sphfract, one per pixel.
std::vector<Ray> primary_rays(const Scene& scene) {
  const PixelRays rays(scene.camera, 64, 36);
  std::vector<Ray> out;
  for (int y = 0; y < 36; ++y)
    for (int x = 0; x < 64; ++x) out.push_back(rays.ray(x, y, 0));
  return out;
}

LeafTest leaf_test(const benchmark::State& state) {
  return state.range(0) == 0 ? LeafTest::sphere : LeafTest::vector;
}

void BM_OctreeNearest(benchmark::State& state) {
  const Scene scene = sphere_flake_scene();
  const Octree octree(scene.spheres, leaf_test(state));
  const std::vector<Ray> rays = primary_rays(scene);
  for (auto _ : state)
    for (const Ray& ray : rays) benchmark::DoNotOptimize(octree.nearest(RayQuery(ray)));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rays.size()));
}
BENCHMARK(BM_OctreeNearest)->ArgName("vector_leaf")->Arg(0)->Arg(1);

// Shadow rays from where the primary rays land towards the first light.
void BM_OctreeOccluded(benchmark::State& state) {
  const Scene scene = sphere_flake_scene();
  const Octree octree(scene.spheres, leaf_test(state));
  std::vector<Ray> shadow_rays;
  for (const Ray& ray : primary_rays(scene)) {
    const NearestHit hit = octree.nearest(RayQuery(ray));
    if (hit.sphere < 0) continue;
    shadow_rays.push_back({hit.surface.point, scene.lights[0].position - hit.surface.point});
  }
  for (auto _ : state)
    for (const Ray& ray : shadow_rays) benchmark::DoNotOptimize(octree.occluded(RayQuery(ray)));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(shadow_rays.size()));
}
BENCHMARK(BM_OctreeOccluded)->ArgName("vector_leaf")->Arg(0)->Arg(1);

void BM_TracePrimaryRays(benchmark::State& state) {
  const Scene scene = sphere_flake_scene();
  const Octree octree(scene.spheres, leaf_test(state));
  const Tracer<Octree> tracer(scene, octree);
  const std::vector<Ray> rays = primary_rays(scene);
  for (auto _ : state)
    for (const Ray& ray : rays) benchmark::DoNotOptimize(tracer.trace(ray));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rays.size()));
}
BENCHMARK(BM_TracePrimaryRays)
    ->ArgName("vector_leaf")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corebench::cray
