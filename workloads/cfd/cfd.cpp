#include "workloads/cfd/cfd.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <stdexcept>

#include "workloads/cfd/cavity.h"
#include "workloads/cfd/simple.h"
#include "workloads/cfd/verification.h"
#include "workloads/common/memory_guard.h"

namespace corebench {
namespace {

using cfd::CavityCase;

constexpr double kTolerance = 1e-5;
// A run that has not converged by then never will (SIMPLE here needs a few
// hundred iterations up to 64 cells per edge).
constexpr int kMaxIterations = 20000;
// Peak memory per cell of mesh, matrices, solvers and fields (measured:
// about 900 bytes), with a margin.
constexpr double kBytesPerCell = 1200;

class Cfd final : public Workload {
 public:
  void setup(const OptionValues& options, const RunConfig& config) override {
    cavity_.cells_per_edge = static_cast<int>(options.integer("mesh"));
    cavity_.dim = options.text("dim") == "2" ? 2 : 3;
    const double cells = std::pow(cavity_.cells_per_edge, cavity_.dim);
    refuse_unless_it_fits(config, cells * kBytesPerCell, "mesh",
                          fmt::format("{:.0f} cells", cells));
    cavity_.reynolds = options.real("re");
    limits_.tolerance = kTolerance;
    limits_.max_iterations = kMaxIterations;
    limits_.fixed_iterations =
        options.is_auto("iterations") ? 0 : static_cast<int>(options.integer("iterations"));
    mesh_ = cfd::cavity_mesh(cavity_);
  }

  // A fresh solver, at rest, for every run.
  void prepare() override {
    solver_.emplace(mesh_, cfd::cavity_boundaries(cavity_), cfd::cavity_settings(cavity_));
  }

  RunOutput run() override {
    summary_ = cfd::iterate_to_limit(*solver_, limits_);
    return {};
  }

  Verdict verify() override {
    Verdict verdict = cfd::verify_cavity(cavity_, mesh_, solver_->flow(), summary_,
                                         limits_.fixed_iterations > 0, limits_.tolerance);
    verdict.facts["momentum_solver_iterations"] =
        static_cast<double>(solver_->momentum_solver_iterations());
    verdict.facts["pressure_solver_iterations"] =
        static_cast<double>(solver_->pressure_solver_iterations());
    verdict.facts["cells"] = mesh_.cell_count();
    return verdict;
  }

 private:
  CavityCase cavity_;
  cfd::IterationLimits limits_;
  cfd::HexMesh mesh_;
  std::optional<cfd::SimpleSolver> solver_;
  cfd::SolveSummary summary_;
};

}  // namespace

WorkloadEntry make_cfd_entry() {
  WorkloadInfo info{
      .id = "cfd",
      .title = "Lid-driven cavity, SIMPLE finite volumes (Dolfyn-style CFD)",
      .category = "hpc",
      .unit = "s",
      .metric = MetricKind::Seconds,
      .options =
          {
              option("mesh").integer(4, 400).by_default("48").help("cells per edge of the cavity"),
              option("dim")
                  .choice({"2", "3"})
                  .by_default("3")
                  .help("3: a cube; 2: a square, as a one-cell-thick slab"),
              option("re").real(1, 1000).by_default("400").help(
                  "Reynolds number (lid speed x side / viscosity)"),
              option("iterations")
                  .integer(1, 100000)
                  .by_default("auto")
                  .help("SIMPLE outer iterations (auto: until every residual is below 1e-5)"),
          },
      .verification =
          "converged (every normalised residual below 1e-5, unless iterations is fixed); once "
          "converged, mass conserved (sum of |net outflow| below 1e-4 of the lid's flux) and, "
          "2D at Re 100 or 400 from 64 cells per edge, u and v on the centre lines within 0.02 "
          "of Ghia, Ghia & Shin (1982); finite, and 3D: mirror-symmetric about the mid-plane z = "
          "1/2 to 1e-4, after any number of iterations",
  };
  return {std::move(info), [] { return std::unique_ptr<Workload>(std::make_unique<Cfd>()); }};
}

}  // namespace corebench
