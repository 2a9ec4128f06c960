// LULESH port: answers against LULESH 2.0.3's own output, thread-count
// independence, verification that catches wrong answers, option checks.
#include "workloads/lulesh/lulesh.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "support/thread_count.h"
#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/glibc_random.h"
#include "workloads/lulesh/leapfrog.h"
#include "workloads/lulesh/verification.h"

namespace corebench {
namespace {

struct Result {
  Verdict verdict;
  double work;
};

Result run_lulesh(const std::map<std::string, std::string>& given, int threads = 1) {
  const WorkloadEntry entry = make_lulesh_entry();
  const OptionValues options = OptionValues::resolve(entry.info.options, given);
  const ThreadCount scope(threads);
  auto workload = entry.make();
  workload->setup(options, RunConfig{.threads = threads});
  workload->prepare();
  const RunOutput out = workload->run();
  return {workload->verify(), out.work};
}

// What LULESH 2.0.3 (tag 2.0.3, g++ -O3 -fopenmp -DUSE_MPI=0) printed for
// `lulesh2.0 -s <size> [-i <iterations>]`.
struct Printed {
  const char* size;
  const char* iterations;  // "auto": no -i, run to the stop time
  double cycles;
  double origin_energy;
  double max_abs_diff;
  double total_abs_diff;
  double max_rel_diff;
};

class MatchesLulesh : public testing::TestWithParam<Printed> {};

TEST_P(MatchesLulesh, OriginEnergyIterationsAndSymmetry) {
  const Printed& ref = GetParam();
  const Result r = run_lulesh({{"size", ref.size}, {"iterations", ref.iterations}});
  EXPECT_TRUE(r.verdict.ok) << r.verdict.detail;
  const auto& facts = r.verdict.facts;
  EXPECT_EQ(facts.at("iterations"), ref.cycles);
  EXPECT_NEAR(facts.at("final_origin_energy"), ref.origin_energy, 1e-6 * ref.origin_energy);
  // The symmetry measures are round-off: same order as LULESH's, with room
  // for fused multiply-adds and other compilers.
  EXPECT_LE(facts.at("max_abs_diff"), 100 * ref.max_abs_diff + 1e-11);
  EXPECT_LE(facts.at("total_abs_diff"), 100 * ref.total_abs_diff + 1e-11);
  EXPECT_LE(facts.at("max_rel_diff"), 100 * ref.max_rel_diff + 1e-13);
  EXPECT_EQ(facts.count("reference_origin_energy"), 1u);
  EXPECT_DOUBLE_EQ(r.work, std::stoi(ref.size) * std::stoi(ref.size) * std::stoi(ref.size) *
                               ref.cycles / 1000.0);
}

INSTANTIATE_TEST_SUITE_P(
    SmallSizes, MatchesLulesh,
    testing::Values(
        Printed{"1", "10", 1, 4.333329e+02, 0, 0, 0},
        Printed{"3", "10", 10, 7.011263e+03, 2.415845e-13, 2.430634e-13, 1.002545e-13},
        Printed{"5", "10", 10, 3.245955e+04, 6.821210e-13, 6.872627e-13, 7.760032e-14},
        Printed{"5", "auto", 72, 7.853665e+03, 5.684342e-13, 1.771377e-12, 4.412566e-14},
        // -i 100 stops at the stop time, after 72 cycles.
        Printed{"5", "100", 72, 7.853665e+03, 5.684342e-13, 1.771377e-12, 4.412566e-14},
        Printed{"8", "50", 50, 4.149655e+04, 2.728484e-12, 7.084492e-12, 1.013081e-12},
        Printed{"10", "50", 50, 8.104796e+04, 3.637979e-12, 8.136466e-12, 2.921912e-13}));

TEST(Lulesh, RegionsBalanceAndCostChangeTheWorkNotTheAnswer) {
  // LULESH 2.0.3 prints the same origin energy for any -r, -b and -c (seen
  // at -s 10 -i 50); at -s 5 -i 50 it prints 1.013099e+04.
  for (const auto& [regions, balance, cost] :
       {std::tuple{"1", "1", "1"}, std::tuple{"4", "3", "5"}, std::tuple{"20", "0", "0"}}) {
    const Result r = run_lulesh({{"size", "5"},
                                 {"iterations", "50"},
                                 {"regions", regions},
                                 {"balance", balance},
                                 {"cost", cost}});
    EXPECT_TRUE(r.verdict.ok) << r.verdict.detail;
    EXPECT_NEAR(r.verdict.facts.at("final_origin_energy"), 1.013099e+04, 0.01);
  }
}

TEST(Lulesh, AnswerDoesNotDependOnThreadCount) {
  const Result one = run_lulesh({{"size", "7"}, {"iterations", "10"}}, 1);
  const Result two = run_lulesh({{"size", "7"}, {"iterations", "10"}}, 2);
  const Result three = run_lulesh({{"size", "7"}, {"iterations", "10"}}, 3);
  EXPECT_EQ(one.verdict.facts, two.verdict.facts);
  EXPECT_EQ(one.verdict.facts, three.verdict.facts);
}

TEST(Lulesh, WithoutReferenceChecksSymmetryAndEnergy) {
  const Result r = run_lulesh({{"size", "7"}, {"iterations", "30"}});
  EXPECT_TRUE(r.verdict.ok) << r.verdict.detail;
  EXPECT_EQ(r.verdict.facts.count("reference_origin_energy"), 0u);
  EXPECT_NE(r.verdict.detail.find("no LULESH 2.0.3 reference"), std::string::npos);
}

TEST(Lulesh, PrepareStartsEveryRunAfresh) {
  const WorkloadEntry entry = make_lulesh_entry();
  auto workload = entry.make();
  const ThreadCount scope(1);
  workload->setup(OptionValues::resolve(entry.info.options, {{"size", "5"}, {"iterations", "10"}}),
                  RunConfig{.threads = 1});
  for (int run = 0; run < 2; ++run) {
    workload->prepare();
    workload->run();
    const Verdict v = workload->verify();
    EXPECT_TRUE(v.ok) << v.detail;
    EXPECT_NEAR(v.facts.at("final_origin_energy"), 3.245955e+04, 0.01);
  }
}

// Verification against a finished run whose state is then damaged.
class LuleshDamagedRun : public testing::Test {
 protected:
  LuleshDamagedRun() : domain(kSize, lulesh::Regions::Settings{}) {
    failure = lulesh::run_leapfrog(domain, 50);
  }
  Verdict judge() { return lulesh::judge(domain, failure, lulesh::find_reference_run(kSize, 50)); }

  static constexpr lulesh::Index kSize = 5;

  lulesh::Domain domain;
  lulesh::Failure failure;
};

TEST_F(LuleshDamagedRun, IntactRunPasses) {
  EXPECT_TRUE(judge().ok) << judge().detail;
}

TEST_F(LuleshDamagedRun, WrongOriginEnergyFails) {
  domain.e[0] *= 1 + 2e-6;
  const Verdict v = judge();
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.detail.find("origin energy"), std::string::npos) << v.detail;
}

TEST_F(LuleshDamagedRun, BrokenSymmetryFails) {
  // Element (column 3, row 1) of plane 0 against its mirror (column 1, row 3).
  domain.e[1 * kSize + 3] *= 1 + 1e-6;
  const Verdict v = judge();
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.detail.find("symmetry"), std::string::npos) << v.detail;
}

TEST_F(LuleshDamagedRun, BrokenSymmetryAwayFromPlaneZeroFails) {
  const lulesh::Index k = 3 + kSize * (1 + kSize * 2);  // column 3, row 1, plane 2
  ASSERT_NE(domain.e[k], 0.0);
  domain.e[k] *= 1 + 1e-6;
  const Verdict v = judge();
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.detail.find("axis-swap"), std::string::npos) << v.detail;
}

TEST_F(LuleshDamagedRun, WrongIterationCountFails) {
  const Verdict v = lulesh::judge(domain, failure, lulesh::find_reference_run(kSize, 10));
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.detail.find("iterations"), std::string::npos) << v.detail;
}

TEST_F(LuleshDamagedRun, CreatedEnergyFails) {
  for (lulesh::Index k = 0; k < domain.num_elem; ++k) domain.e[k] *= 2;
  const Verdict v = lulesh::judge(domain, failure, std::nullopt);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.detail.find("blast energy"), std::string::npos) << v.detail;
}

TEST_F(LuleshDamagedRun, NonFiniteStateFails) {
  domain.p[42] = std::nan("");
  EXPECT_FALSE(lulesh::judge(domain, failure, std::nullopt).ok);
}

TEST_F(LuleshDamagedRun, ReportedFailureFails) {
  const Verdict v =
      lulesh::judge(domain, lulesh::Failure::NegativeVolume, lulesh::find_reference_run(kSize, 50));
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.detail.find("negative"), std::string::npos) << v.detail;
}

TEST(LuleshOptions, RejectsBadValues) {
  const WorkloadEntry entry = make_lulesh_entry();
  const auto resolve = [&](const std::map<std::string, std::string>& given) {
    return OptionValues::resolve(entry.info.options, given);
  };
  EXPECT_THROW(resolve({{"size", "0"}}), OptionError);
  EXPECT_THROW(resolve({{"size", "ten"}}), OptionError);
  EXPECT_THROW(resolve({{"iterations", "0"}}), OptionError);
  EXPECT_THROW(resolve({{"iterations", "2.5"}}), OptionError);
  EXPECT_THROW(resolve({{"regions", "0"}}), OptionError);
  EXPECT_THROW(resolve({{"balance", "-1"}}), OptionError);
  EXPECT_THROW(resolve({{"cost", "-1"}}), OptionError);
  EXPECT_THROW(resolve({{"steps", "5"}}), OptionError);
  EXPECT_NO_THROW(resolve({{"iterations", "auto"}}));

  // Weights (r+1)^balance that overflow LULESH's int are refused at setup.
  auto workload = entry.make();
  EXPECT_THROW(workload->setup(resolve({{"size", "4"}, {"regions", "1000"}, {"balance", "30"}}),
                               RunConfig{.threads = 1}),
               OptionError);
}

TEST(LuleshRegions, PartitionTheElementsWithLuleshCosts) {
  const lulesh::Regions regions(27000, lulesh::Regions::Settings{});
  ASSERT_EQ(regions.count(), 11);
  std::set<lulesh::Index> seen;
  for (lulesh::Index r = 0; r < regions.count(); ++r)
    for (lulesh::Index k : regions.elements(r)) EXPECT_TRUE(seen.insert(k).second);
  EXPECT_EQ(seen.size(), 27000u);
  // Cheap first half, twice the cost up to the last region, which costs 20x.
  for (lulesh::Index r = 0; r < 5; ++r) EXPECT_EQ(regions.repetitions(r), 1);
  for (lulesh::Index r = 5; r < 10; ++r) EXPECT_EQ(regions.repetitions(r), 2);
  EXPECT_EQ(regions.repetitions(10), 20);

  std::size_t chunked = 0;
  for (const lulesh::MaterialChunk& c : regions.chunks()) chunked += c.end - c.begin;
  EXPECT_EQ(chunked, 27000u);
}

#ifdef __GLIBC__
TEST(LuleshRegions, RandomStreamIsGlibcRand) {
  std::srand(0);
  lulesh::GlibcRandom stream(0);
  for (int i = 0; i < 10000; ++i) ASSERT_EQ(stream.next(), std::rand()) << "draw " << i;
}
#endif

}  // namespace
}  // namespace corebench
