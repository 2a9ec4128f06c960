#include "workloads/linpack/linpack.h"

#include <gtest/gtest.h>
#include <omp.h>

#include <Eigen/Dense>
#include <limits>

#include "workloads/linpack/blocked_lu.h"
#include "workloads/linpack/hpl_residual.h"
#include "workloads/linpack/random_system.h"

namespace corebench {
namespace {

using Eigen::Index;
using linpack::kHplResidualBound;

constexpr std::uint64_t kSeed = 7;

// The system of order n, solved by the blocked LU with panel width nb.
Eigen::VectorXd solve_blocked(Index n, Index nb) {
  Eigen::MatrixXd ab(n, n + 1);
  linpack::fill_system(kSeed, ab);
  linpack::factor_augmented(ab, nb);
  Eigen::VectorXd x(n);
  linpack::back_substitute(ab, x);
  return x;
}

Verdict run_workload(const std::map<std::string, std::string>& given, int threads = 1) {
  const WorkloadEntry entry = make_linpack_entry();
  const OptionValues options = OptionValues::resolve(entry.info.options, given);
  omp_set_num_threads(threads);
  auto workload = entry.make();
  workload->setup(options, RunConfig{.threads = threads});
  workload->prepare();
  const RunOutput output = workload->run();
  EXPECT_GT(output.work, 0);
  return workload->verify();
}

TEST(LinpackSystem, EntriesAreUniformInHalfOpenUnitInterval) {
  Eigen::MatrixXd ab(400, 401);
  linpack::fill_system(kSeed, ab);
  EXPECT_GE(ab.minCoeff(), -0.5);
  EXPECT_LT(ab.maxCoeff(), 0.5);
  EXPECT_NEAR(ab.mean(), 0.0, 0.005);
  // Variance of U(-0.5, 0.5) is 1/12.
  EXPECT_NEAR(ab.array().square().mean(), 1.0 / 12.0, 0.002);
}

TEST(LinpackSystem, AnyColumnRegeneratesAlone) {
  Eigen::MatrixXd ab(50, 51);
  linpack::fill_system(kSeed, ab);
  Eigen::VectorXd column(50);
  linpack::fill_system_column(kSeed, 50, column);
  EXPECT_EQ(column, ab.col(50));
  linpack::fill_system_column(kSeed + 1, 50, column);
  EXPECT_NE(column, ab.col(50));
}

TEST(LinpackLu, MatchesEigensPartialPivLu) {
  for (const auto& [n, nb] : {std::pair<Index, Index>{200, 32}, {257, 16}, {100, 256}, {1, 8}}) {
    Eigen::MatrixXd ab(n, n + 1);
    linpack::fill_system(kSeed, ab);
    const Eigen::VectorXd expected = ab.leftCols(n).partialPivLu().solve(ab.col(n));
    const Eigen::VectorXd x = solve_blocked(n, nb);
    EXPECT_LT((x - expected).norm(), 1e-10 * expected.norm()) << "n=" << n << " nb=" << nb;
    EXPECT_LT(linpack::hpl_scaled_residual(kSeed, x).scaled, kHplResidualBound);
  }
}

TEST(LinpackResidual, FailsOnAPerturbedSolution) {
  Eigen::VectorXd x = solve_blocked(200, 32);
  const double good = linpack::hpl_scaled_residual(kSeed, x).scaled;
  EXPECT_LT(good, 1.0);
  x[17] += 1e-6 * std::abs(x[17]);
  EXPECT_GT(linpack::hpl_scaled_residual(kSeed, x).scaled, kHplResidualBound);
  x[17] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(linpack::hpl_scaled_residual(kSeed, x).scaled < kHplResidualBound);
}

TEST(LinpackResidual, FailsOnACorruptedPivot) {
  const Index n = 200;
  Eigen::MatrixXd ab(n, n + 1);
  linpack::fill_system(kSeed, ab);
  linpack::factor_augmented(ab, 32);
  ab(90, 90) *= 1.0 + 1e-6;  // one pivot of U, slightly wrong
  Eigen::VectorXd x(n);
  linpack::back_substitute(ab, x);
  EXPECT_GT(linpack::hpl_scaled_residual(kSeed, x).scaled, kHplResidualBound);
}

TEST(LinpackLu, SameAnswerForEveryRunAndThreadCount) {
  omp_set_num_threads(1);
  const Eigen::VectorXd one_thread = solve_blocked(301, 24);
  EXPECT_EQ(solve_blocked(301, 24), one_thread);
  for (int threads : {2, 3}) {
    omp_set_num_threads(threads);
    EXPECT_EQ(solve_blocked(301, 24), one_thread) << threads << " threads";
  }
  omp_set_num_threads(1);
}

TEST(LinpackWorkload, PassesWithEitherBackend) {
  for (const char* blas : {"eigen", "system"}) {
    for (int threads : {1, 2}) {
      const Verdict verdict = run_workload({{"n", "300"}, {"nb", "32"}, {"blas", blas}}, threads);
      EXPECT_TRUE(verdict.ok) << blas << ": " << verdict.detail;
      EXPECT_LT(verdict.facts.at("scaled_residual"), kHplResidualBound);
      EXPECT_EQ(verdict.facts.at("n"), 300);
    }
  }
  omp_set_num_threads(1);
}

TEST(LinpackWorkload, VerifyFailsWhenRunDidNotSolve) {
  const WorkloadEntry entry = make_linpack_entry();
  auto workload = entry.make();
  workload->setup(OptionValues::resolve(entry.info.options, {{"n", "50"}}),
                  RunConfig{.threads = 1});
  workload->prepare();
  EXPECT_FALSE(workload->verify().ok);
}

TEST(LinpackWorkload, RejectsBadOptions) {
  const WorkloadEntry entry = make_linpack_entry();
  const auto resolve = [&](const std::map<std::string, std::string>& given) {
    return OptionValues::resolve(entry.info.options, given);
  };
  EXPECT_THROW(resolve({{"n", "0"}}), OptionError);
  EXPECT_THROW(resolve({{"n", "-5"}}), OptionError);
  EXPECT_THROW(resolve({{"n", "big"}}), OptionError);
  EXPECT_THROW(resolve({{"nb", "0"}}), OptionError);
  EXPECT_THROW(resolve({{"nb", "1.5"}}), OptionError);
  EXPECT_THROW(resolve({{"blas", "mkl"}}), OptionError);
  auto workload = entry.make();
  RunConfig small_machine{1};
  small_machine.memory_bytes = 1ull << 30;
  EXPECT_THROW(workload->setup(resolve({{"n", "20000"}}), small_machine), OptionError);
}

TEST(LinpackWorkload, AutoOrderFollowsMemoryWithinBounds) {
  EXPECT_EQ(linpack::auto_order(1ull << 30), 7000);    // 40% of 1 GiB: n = 7327, rounded down
  EXPECT_EQ(linpack::auto_order(24ull << 30), 20000);  // capped for run time
  EXPECT_EQ(linpack::auto_order(64ull << 20), 1000);   // the floor
}

}  // namespace
}  // namespace corebench
