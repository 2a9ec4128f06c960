#include "workloads/aobench/aobench.h"

#include <gtest/gtest.h>
#include <omp.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "workloads/aobench/ambient_occlusion.h"
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
