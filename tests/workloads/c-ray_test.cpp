#include "workloads/c-ray/c-ray.h"

#include <gtest/gtest.h>
#include <omp.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "support/run_command.h"
#include "workloads/c-ray/octree.h"
#include "workloads/c-ray/renderer.h"
#include "workloads/c-ray/resolution.h"
#include "workloads/c-ray/scene.h"
#include "workloads/common/cpu_mask.h"

namespace corebench::cray {
namespace {

RgbImage render(const Scene& scene, int width, int height, int rays,
                LeafTest test = LeafTest::sphere) {
  const Renderer renderer(scene, width, height, rays, test);
  RgbImage image(width, height);
  image.sample_centre = kSampleCentre;
  std::vector<std::uint8_t> tiles(static_cast<std::size_t>(renderer.tile_count()));
  renderer.render(image, tiles);
  return image;
}

Verdict run_workload(const std::map<std::string, std::string>& given, bool skip_run = false) {
  const WorkloadEntry entry = make_c_ray_entry();
  auto workload = entry.make();
  workload->setup(OptionValues::resolve(entry.info.options, given), RunConfig{});
  workload->prepare();
  if (!skip_run) workload->run();
  return workload->verify();
}

TEST(CRay, SphereFlakeHasThePublishedShape) {
  const Scene scene = sphere_flake_scene();
  ASSERT_EQ(scene.spheres.size(), 1u + 6 + 30 + 150 + 750 + 2);  // flake, floor, ceiling
  EXPECT_EQ(scene.spheres[0].radius, 1.0);
  EXPECT_NEAR(scene.spheres[1].center.x, 1.4, 1e-12);  // first child along +x
  EXPECT_NEAR(scene.spheres[1].radius, 0.4, 1e-12);
  EXPECT_EQ(scene.lights.size(), 2u);
}

TEST(CRay, SameImageForAnyThreadCount) {
  const Scene scene = sphere_flake_scene();
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  const RgbImage one = render(scene, 64, 36, 2);
  omp_set_num_threads(3);
  const RgbImage three = render(scene, 64, 36, 2);
  omp_set_num_threads(saved);
  EXPECT_EQ(one.bytes, three.bytes);
}

// Bit for bit when `exact`; otherwise the distance to a relative 1e-9 and the
// surface to 1e-6 (a small sphere's normal divides the point's rounding by
// its radius; a grazing ray's square root magnifies the discriminant's).
void expect_same_hit(const NearestHit& found, const NearestHit& expected, bool exact) {
  const double distance = exact ? 0.0 : 1e-9;
  const double tolerance = exact ? 0.0 : 1e-6;
  EXPECT_EQ(found.sphere, expected.sphere);
  if (expected.sphere < 0) {
    EXPECT_EQ(found.t, kNoHit);
    return;
  }
  EXPECT_NEAR(found.t, expected.t, distance * expected.t);
  const Surface& a = found.surface;
  const Surface& b = expected.surface;
  for (const auto& [u, v] : {std::pair{a.point, b.point}, std::pair{a.normal, b.normal},
                             std::pair{a.mirror, b.mirror}}) {
    EXPECT_NEAR(u.x, v.x, tolerance);
    EXPECT_NEAR(u.y, v.y, tolerance);
    EXPECT_NEAR(u.z, v.z, tolerance);
  }
}

// Every hit of each leaf test, with and without the octree, is the one
// testing every sphere one at a time finds: to the bit for leaf=sphere, and
// for leaf=vector the same sphere with the distance and surface rounded a
// little differently, because a compiler may fuse multiply-adds in the vector
// loop differently from the scalar one (GCC for aarch64 does).
// The pictures are the same byte for byte (the next test).
TEST(CRay, OctreeFindsWhatTestingEverySphereFinds) {
  const Scene scene = sphere_flake_scene();
  const SphereList everything(scene.spheres, LeafTest::sphere);
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> coordinate(-3.0, 3.0);
  for (const LeafTest test : {LeafTest::sphere, LeafTest::vector}) {
    const Octree octree(scene.spheres, test);
    const SphereList listed(scene.spheres, test);
    int hits = 0;
    for (int i = 0; i < 2000; ++i) {
      const Vec3 from{coordinate(random), coordinate(random) + 4, coordinate(random) - 8};
      const Vec3 to{coordinate(random), coordinate(random), coordinate(random)};
      const RayQuery q(Ray{from, (to - from) * 2.0});
      const NearestHit expected = everything.nearest(q);
      for (const NearestHit& found : {octree.nearest(q), listed.nearest(q)})
        expect_same_hit(found, expected, test == LeafTest::sphere);
      EXPECT_EQ(octree.occluded(q), everything.occluded(q));
      EXPECT_EQ(listed.occluded(q), everything.occluded(q));
      hits += expected.sphere >= 0;
    }
    EXPECT_GT(hits, 500);  // the rays do reach the flake
  }
}

TEST(CRay, BothLeafTestsRenderTheSamePicture) {
  const Scene scene = sphere_flake_scene();
  const RgbImage one_at_a_time = render(scene, 96, 54, 3, LeafTest::sphere);
  const RgbImage batched = render(scene, 96, 54, 3, LeafTest::vector);
  EXPECT_EQ(one_at_a_time.bytes, batched.bytes);
  for (const char* leaf : {"sphere", "vector"}) {
    const Verdict verdict = run_workload({{"resolution", "80x45"}, {"rays", "1"}, {"leaf", leaf}});
    EXPECT_TRUE(verdict.ok) << leaf << ": " << verdict.detail;
  }
}

// The published test's way is the default; the faster one says it is not
// comparable, and a result says which ran.
TEST(CRay, ListShowsTheLeafTestAndTheResultRecordsIt) {
  const auto list = testing::run_command({COREBENCH_BIN, "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto listed = nlohmann::json::parse(list.out);
  nlohmann::json leaf;
  for (const auto& workload : listed["workloads"])
    if (workload["id"] == "c-ray")
      for (const auto& option : workload["options"])
        if (option["name"] == "leaf") leaf = option;
  ASSERT_FALSE(leaf.is_null()) << "c-ray lists no leaf option";
  EXPECT_EQ(leaf["default"], "sphere");
  EXPECT_EQ(leaf["choices"], nlohmann::json::array({"sphere", "vector"}));
  EXPECT_NE(leaf["help"].get<std::string>().find("NOT COMPARABLE"), std::string::npos);

  const auto dir =
      std::filesystem::path(::testing::TempDir()) / ("c-ray-leaf-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  // A container or taskset may not allow CPU 0.
  const std::string cpu = std::to_string(allowed_cpus().front());
  for (const std::string given : {"", ",leaf=vector"}) {
    const auto output = dir / (given.empty() ? "default.json" : "vector.json");
    const auto run = testing::run_command(
        {COREBENCH_BIN, "run", "c-ray:resolution=32x18,rays=1" + given, "--cpus", cpu, "--threads",
         "1", "--runs", "1", "--no-warmup", "--output", output.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::ifstream in(output);
    const auto test = nlohmann::json::parse(in)["tests"][0];
    EXPECT_EQ(test["options"]["leaf"], given.empty() ? "sphere" : "vector") << test.dump();
  }
  std::filesystem::remove_all(dir);
}

// One sphere seen head-on through the centre pixel: Phong by hand.
TEST(CRay, LitSpherePixelsMatchPhongByHand) {
  const std::string lit =
      "? gamma 1.0\n? ambient 0.1 0.1 0.1\n? bgcolor 0.2 0.4 0.6\n"
      "s 0 0 0  1  0.5 0.8 1.0  20 0\n"
      "l 3 4 -5\n"
      "c 0 0 -5  40  0 0 0\n";
  const RgbImage image = render(parse_scene(lit), 32, 32, 1);
  // The centre pixel's ray runs along +z and meets the sphere at (0, 0, -1),
  // where the normal and the mirrored view direction are both -z.
  const Vec3 to_light = normalize(Vec3{3, 4, -5} - Vec3{0, 0, -1});
  const double cosine = dot(Vec3{0, 0, -1}, to_light);
  const double highlight = std::pow(cosine, 20);
  const double diffuse[3] = {0.5, 0.8, 1.0};
  for (int c = 0; c < 3; ++c) {
    const double expected = (0.1 * diffuse[c] + cosine * diffuse[c] + highlight) * 255;
    EXPECT_NEAR(image.pixel(16, 16)[c], expected, 1.0) << "channel " << c;
  }
  // The corner pixel misses the sphere.
  EXPECT_EQ(image.pixel(0, 0)[0], 51);
  EXPECT_EQ(image.pixel(0, 0)[1], 102);
  EXPECT_EQ(image.pixel(0, 0)[2], 153);

  // A small sphere between that point and the light leaves only ambient.
  const RgbImage shadowed = render(parse_scene(lit + "s 1.5 2 -3  0.3\n"), 32, 32, 1);
  for (int c = 0; c < 3; ++c)
    EXPECT_NEAR(shadowed.pixel(16, 16)[c], 0.1 * diffuse[c] * 255, 1.0) << "channel " << c;
}

TEST(CRay, MirrorShowsWhatItFaces) {
  // A perfect black mirror facing the camera, a lit white sphere behind the
  // camera: the centre pixel shows the white sphere's lit front.
  const std::string scene =
      "? gamma 1.0\n? ambient 0 0 0\n"
      "s 0 0 0  1  0 0 0  0 1\n"
      "s 0 0 -12  1  1 1 1  0 0\n"
      "l 0 0 -5\n"
      "c 0 0 -5  40  0 0 0\n";
  const RgbImage image = render(parse_scene(scene), 32, 32, 1);
  // The mirrored ray meets the white sphere at (0, 0, -11), which faces the
  // light head-on: full diffuse light, reflected at full weight.
  for (int c = 0; c < 3; ++c) EXPECT_EQ(image.pixel(16, 16)[c], 255) << "channel " << c;
}

TEST(CRay, PassesVerificationAgainstStoredReference) {
  // 29.9 dB when made; the bound at this few samples per reference pixel is 25.
  const Verdict verdict = run_workload({{"resolution", "80x45"}, {"rays", "1"}});
  EXPECT_TRUE(verdict.ok) << verdict.detail;
  ASSERT_TRUE(verdict.facts.count("psnr_db"));
  EXPECT_GT(verdict.facts.at("psnr_db"), 28.0);
  EXPECT_EQ(verdict.facts.at("spot_pixels_differing"), 0);
}

TEST(CRay, RendersASceneFileWithoutAReference) {
  const std::string path = ::testing::TempDir() + "c-ray_test_" + std::to_string(getpid()) + ".scn";
  std::ofstream(path) << "s 0 0 0 1 1 0 0 50 0.5\ns 0 -1001 0 1000\nl 5 5 -5\nc 0 1 -6 45 0 0 0\n";
  const Verdict verdict = run_workload({{"resolution", "40x30"}, {"rays", "2"}, {"scene", path}});
  std::remove(path.c_str());
  EXPECT_TRUE(verdict.ok) << verdict.detail;
  EXPECT_FALSE(verdict.facts.count("psnr_db"));
  EXPECT_NE(verdict.detail.find("no reference"), std::string::npos) << verdict.detail;
}

TEST(CRay, VerificationFailsWithoutARun) {
  const Verdict verdict = run_workload({{"resolution", "32x18"}, {"rays", "1"}}, true);
  EXPECT_FALSE(verdict.ok);
  EXPECT_NE(verdict.detail.find("tiles were not rendered"), std::string::npos) << verdict.detail;
}

TEST(CRay, ResolutionNames) {
  EXPECT_EQ(parse_resolution("1080p").width, 1920);
  EXPECT_EQ(parse_resolution("4k").height, 2160);
  EXPECT_EQ(parse_resolution("5k").width, 5120);
  EXPECT_EQ(parse_resolution("320x180").height, 180);
  for (const char* bad :
       {"", "x", "abc", "0x10", "10x0", "12x", "x12", "20000x10", "10x10x", "-4x4"})
    EXPECT_THROW(parse_resolution(bad), OptionError) << bad;
}

TEST(CRay, BadOptionsAreOneLineErrors) {
  EXPECT_THROW(run_workload({{"resolution", "huge"}}), OptionError);
  EXPECT_THROW(run_workload({{"rays", "0"}}), OptionError);
  EXPECT_THROW(run_workload({{"colour", "red"}}), OptionError);
  EXPECT_THROW(run_workload({{"scene", "/nonexistent/scene.scn"}}), SceneError);
}

TEST(CRay, SceneErrorsNameTheLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"c 0 0 -5 40 0 0 0\ns 0 0 0\n", "line 2"},             // no radius
      {"c 0 0 -5 40 0 0 0\ns 0 0 0 -1\n", "line 2"},          // negative radius
      {"c 0 0 -5 40 0 0 0\np 0 1 0 0 1 0\n", "unsupported"},  // planes
      {"c 0 0 -5 40 0 0 0\ns 0 0 0 1 1 1 1 50 0.5 7\n", "line 2"},
      {"c 0 0 -5 40 0 0 0\ns 0 0 0 1\n? fog 1\n", "line 3"},
      {"c 0 0 -5 400 0 0 0\ns 0 0 0 1\n", "field of view"},
      {"s 0 0 0 1\n", "no camera"},
      {"c 0 0 -5 40 0 0 0\n", "no spheres"},
      {"c 0 5 0 40 0 0 0\ns 0 0 0 1\n", "straight up or down"},
  };
  for (const auto& [text, expected] : cases) {
    try {
      parse_scene(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const SceneError& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  }
}

TEST(CRay, SceneFormatAsPublished) {
  const Scene scene = parse_scene(
      "# comment\n? gamma 1.0\n? ambient 0.05 0.05 0.05\n? samples 4\n"
      "s\t-1.5 -0.3 -1\t0.7\t\t1.0 0.2 0.05\t\t50.0\t0.3  # trailing comment\n"
      "s 0 0 2 1\n"
      "l -50 100 -50\nl 40 40 150 0.5 0.5 0.5\n"
      "c 0 6 -17 16.5 0 -0.2 0\n");
  ASSERT_EQ(scene.spheres.size(), 2u);
  EXPECT_EQ(scene.spheres[0].material.reflectivity, 0.3);
  EXPECT_EQ(scene.spheres[1].material.shininess, 50.0);  // c-ray's default material
  EXPECT_EQ(scene.lights[1].color.r, 0.5f);
  EXPECT_EQ(scene.camera.fov_degrees, 16.5);
  EXPECT_EQ(scene.gamma, 1.0);
}

}  // namespace
}  // namespace corebench::cray
