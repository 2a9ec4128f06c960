#include "workloads/linpack/linpack.h"

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>

#include "workloads/common/memory_guard.h"
#include "workloads/linpack/blocked_lu.h"
#include "workloads/linpack/hpl_residual.h"
#include "workloads/linpack/random_system.h"
#include "workloads/linpack/system_lapack.h"

namespace corebench {
namespace {

using Eigen::Index;

// n=auto: the matrix takes about this share of the memory, as HPL's sizing
// advice says, ...
constexpr double kAutoMemoryShare = 0.4;
// ... but no more than this order, so that a default run takes about a
// minute even on 2 cores (2/3 n^3 = 5.3 TFLOP at n=20000), not hours.
constexpr Index kAutoMaxOrder = 20000;
constexpr Index kAutoMinOrder = 1000;
double matrix_bytes(Index n) {
  return 8.0 * static_cast<double>(n) * static_cast<double>(n + 1);
}

// The leading dimension: columns start on 64-byte boundaries, and never a
// multiple of 4 KiB apart, where the row swaps would thrash a few cache sets.
Index leading_dimension(Index n) {
  const Index aligned = (n + 7) / 8 * 8;
  return aligned % 512 == 0 ? aligned + 8 : aligned;
}

// HPL's operation count for factorisation plus solve.
double gflop(Index n) {
  const double m = static_cast<double>(n);
  return (2.0 / 3.0 * m * m * m + 1.5 * m * m) / 1e9;
}

class Linpack final : public Workload {
 public:
  void setup(const OptionValues& options, const RunConfig& config) override {
    const std::uint64_t memory = machine_memory_bytes(config);
    n_ = options.is_auto("n") ? linpack::auto_order(memory) : options.integer("n");
    block_ = options.integer("nb");
    seed_ = static_cast<std::uint64_t>(options.integer("seed"));
    use_system_ = options.text("blas") == "system";
    refuse_unless_it_fits(config, matrix_bytes(n_), "n", fmt::format("n={}", n_));
    storage_.resize(leading_dimension(n_), n_ + 1);
    x_.resize(n_);
    if (use_system_) {
      linpack::set_system_lapack_threads(config.threads);
      solver_ = linpack::system_lapack_description();
    } else {
      solver_ = fmt::format("blocked LU on Eigen {}.{}.{}, nb={}", EIGEN_WORLD_VERSION,
                            EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION, block_);
    }
  }

  void prepare() override {
    linpack::fill_system(seed_, system());
    // A solver that does not write x leaves NaN, which fails the check.
    x_.setConstant(std::numeric_limits<double>::quiet_NaN());
  }

  RunOutput run() override {
    if (use_system_) {
      linpack::solve_with_system_lapack(system(), x_);
    } else {
      linpack::factor_augmented(system(), block_);
      linpack::back_substitute(system(), x_);
    }
    return {gflop(n_)};
  }

  Verdict verify() override {
    const linpack::ScaledResidual residual = linpack::hpl_scaled_residual(seed_, x_);
    Verdict verdict;
    verdict.ok = residual.scaled < linpack::kHplResidualBound;  // false for NaN
    verdict.detail =
        fmt::format("HPL scaled residual {:.4g} {} {} (n={}; {})", residual.scaled,
                    verdict.ok ? "<" : "is not below", linpack::kHplResidualBound, n_, solver_);
    verdict.facts = {{"scaled_residual", residual.scaled},
                     {"residual_norm", residual.residual_norm},
                     {"matrix_norm", residual.matrix_norm},
                     {"n", static_cast<double>(n_)},
                     {"gflop", gflop(n_)}};
    if (!use_system_) verdict.facts["nb"] = static_cast<double>(block_);
    return verdict;
  }

 private:
  Eigen::Block<Eigen::MatrixXd> system() { return storage_.topRows(n_); }

  Index n_ = 0;
  Index block_ = 0;
  std::uint64_t seed_ = 0;
  bool use_system_ = false;
  std::string solver_;
  Eigen::MatrixXd storage_;  // [A | b], padded to the leading dimension
  Eigen::VectorXd x_;
};

}  // namespace

std::int64_t linpack::auto_order(std::uint64_t memory_bytes) {
  const double fits = std::sqrt(kAutoMemoryShare * static_cast<double>(memory_bytes) / 8.0);
  return std::clamp(static_cast<Index>(fits) / 1000 * 1000, kAutoMinOrder, kAutoMaxOrder);
}

WorkloadEntry make_linpack_entry() {
  WorkloadInfo info;
  info.id = "linpack";
  info.title = "Linpack (HPL-style dense LU solve)";
  info.category = "hpc";
  info.unit = "GFLOPS";
  info.metric = MetricKind::Rate;
  info.options = {
      option("n").integer(1, 200000).by_default("auto").help(
          "order of the system (auto: about 40% of the memory, at most 20000)"),
      option("nb").integer(8, 4096).by_default("256").help(
          "panel width of the blocked LU (blas=eigen)"),
      option("blas")
          .choice({"system", "eigen"})
          .by_default("system")
          .help("system: the system LAPACK's dgetrf+dgetrs, as HPL runs on the system BLAS; "
                "eigen: a blocked LU on Eigen's products, compiled for the target, which gains "
                "1.6x more from AVX-512 over SSE2 than HPL on OpenBLAS does (NOT COMPARABLE with "
                "published HPL results; docs/fidelity.md)"),
      option("seed").integer(0, 1e15).by_default("1").help("seed of the random matrix"),
  };
  info.verification =
      "HPL scaled residual ||Ax-b||_inf / (eps (||A||_inf ||x||_inf + ||b||_inf) n) < 16, with A "
      "and b regenerated from the seed";
  // LU's flops grow as n^3.
  info.work_scale =
      WorkScale{.options = {"n"}, .of = [](const OptionValues& options) -> std::optional<double> {
                  const std::optional<double> n = given_number(options, "n");
                  if (!n) return std::nullopt;
                  return *n * *n * *n;
                }};
  return {std::move(info), [] { return std::unique_ptr<Workload>(std::make_unique<Linpack>()); }};
}

}  // namespace corebench
