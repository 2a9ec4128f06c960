#include "workloads/aobench/aobench.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <omp.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "workloads/aobench/ambient_occlusion.h"
#include "workloads/aobench/picture_bound.h"
#include "workloads/aobench/reference_image.h"
#include "workloads/common/rgb_image.h"
#include "workloads/common/vec3.h"

namespace corebench {
namespace {

struct Outcome {
  Verdict verdict;
  std::string picture;  // the saved PPM
};

Outcome run_workload(const std::map<std::string, std::string>& options, bool skip_run = false) {
  // One file per process: ctest runs tests of this file side by side.
  const std::string path = testing::TempDir() + "aobench_test_" + std::to_string(getpid()) + ".ppm";
  std::map<std::string, std::string> given = options;
  given["save-image"] = path;
  const WorkloadEntry entry = make_aobench_entry();
  auto workload = entry.make();
  workload->setup(OptionValues::resolve(entry.info.options, given), RunConfig{});
  workload->prepare();
  if (!skip_run) workload->run();
  Outcome outcome{workload->verify(), {}};
  std::stringstream bytes;
  bytes << std::ifstream(path, std::ios::binary).rdbuf();
  outcome.picture = bytes.str();
  std::remove(path.c_str());
  return outcome;
}

const std::map<std::string, std::string> kSmall = {
    {"size", "48"}, {"subsamples", "1"}, {"ao-samples", "4"}};

TEST(AoBench, SameImageForAnyThreadCount) {
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  const Outcome one = run_workload(kSmall);
  omp_set_num_threads(3);
  const Outcome three = run_workload(kSmall);
  omp_set_num_threads(saved);
  ASSERT_FALSE(one.picture.empty());
  EXPECT_EQ(one.picture, three.picture);
}

TEST(AoBench, PassesVerificationAgainstStoredReference) {
  const Outcome outcome = run_workload({{"size", "64"}, {"subsamples", "2"}, {"ao-samples", "4"}});
  EXPECT_TRUE(outcome.verdict.ok) << outcome.verdict.detail;
  EXPECT_EQ(outcome.verdict.facts.at("pixels_out_of_range"), 0);
  EXPECT_LE(outcome.verdict.facts.at("mse"), outcome.verdict.facts.at("mse_bound"));
}

TEST(AoBench, VerificationFailsWithoutARun) {
  const Outcome outcome = run_workload(kSmall, true);
  EXPECT_FALSE(outcome.verdict.ok);
  EXPECT_GT(outcome.verdict.facts.at("pixels_out_of_range"), 0);
}

// At size 48 with one subsample, pixel (40, 32) looks at the floor point
// (1, -0.5, -1.5). A ball of radius r whose centre lies at distance d from
// it, at angle theta from the floor's normal, and wholly above the floor,
// blocks a cosine-weighted fraction cos(theta) r^2 / d^2 of the sky.
TEST(AoBench, FloorPointBesideTheBallsMatchesFormFactors) {
  const aobench::Settings settings{48, 1, 32};
  std::vector<std::uint32_t> row(48);
  aobench::render_row(settings, 32, row);

  const Vec3 point{1, -0.5, -1.5};
  const Vec3 centers[] = {{-2, 0, -3.5}, {-0.5, 0, -3}, {1, 0, -2.2}};
  double blocked = 0;
  for (const Vec3& c : centers) {
    const Vec3 to_center = c - point;
    const double d2 = dot(to_center, to_center);
    blocked += (to_center.y / std::sqrt(d2)) * 0.25 / d2;
  }
  const double rays = settings.rays_per_pixel();
  const double sigma = std::sqrt(blocked * (1 - blocked) / rays);
  EXPECT_NEAR(row[40] / rays, 1 - blocked, 4 * sigma);

  // The top row sees only sky: no surface, so no open rays counted.
  aobench::render_row(settings, 0, row);
  for (std::uint32_t open : row) EXPECT_EQ(open, 0u);
}

// The picture the workload makes for `settings`, mirrored left-right when
// asked: a plausible sign error in the camera.
RgbImage render(const aobench::Settings& settings, bool mirrored) {
  RgbImage image(settings.size, settings.size);
  image.sample_centre = settings.sample_centre();
  std::vector<std::uint32_t> row(static_cast<std::size_t>(settings.size));
  const double rays = settings.rays_per_pixel();
  for (int y = 0; y < settings.size; ++y) {
    aobench::render_row(settings, y, row);
    for (int x = 0; x < settings.size; ++x) {
      const int from = mirrored ? settings.size - 1 - x : x;
      std::fill_n(image.pixel(x, y), 3, aobench::to_byte(row[std::size_t(from)] / rays));
    }
  }
  return image;
}

const RgbImage& reference() {
  static const RgbImage image = decode_ppm(aobench::reference_ppm());
  return image;
}

// The bound is worked out for the run's size and samples, and loosens as
// they shrink; a mirrored picture still fails from 16x16 with 4x4
// subsamples, 64x64 with the PTS samples, and with one ray per pixel from
// 512x512 (below, with one subsample, only gross errors fail: next test).
// Each with a correct picture of the same settings beside it.
TEST(AoBenchBound, MirroredPictureFailsCorrectPasses) {
  const aobench::Settings cases[] = {{16, 4, 8}, {64, 2, 8}, {256, 1, 2}, {512, 1, 1}};
  for (const aobench::Settings& s : cases) {
    const double bound = aobench::picture_bound(s, reference()).total();
    const std::string shown = fmt::format("size {}, {}x{} subsamples, {}x{} rays", s.size,
                                          s.subsamples, s.subsamples, s.ao_samples, s.ao_samples);
    EXPECT_LE(mean_squared_difference(render(s, false), reference()), bound) << shown;
    EXPECT_GT(mean_squared_difference(render(s, true), reference()), bound) << shown;
  }
}

// At the smallest size with one ray per pixel the bound is loosest of all:
// still, a picture that counts no open ray fails.
TEST(AoBenchBound, BlackPictureFailsAtTheSmallestSettings) {
  const aobench::Settings s{16, 1, 1};
  RgbImage black(s.size, s.size);
  black.sample_centre = s.sample_centre();
  EXPECT_GT(mean_squared_difference(black, reference()),
            aobench::picture_bound(s, reference()).total());
}

TEST(AoBench, BadOptionsAreOneLineErrors) {
  const WorkloadEntry entry = make_aobench_entry();
  const std::pair<const char*, const char*> bad[] = {
      {"size", "8"}, {"size", "big"}, {"subsamples", "0"}, {"ao-samples", "100"}};
  for (const auto& [name, value] : bad)
    EXPECT_THROW(OptionValues::resolve(entry.info.options, {{name, value}}), OptionError)
        << name << "=" << value;
}

}  // namespace
}  // namespace corebench
