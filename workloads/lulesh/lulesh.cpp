#include "workloads/lulesh/lulesh.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <memory>

#include "workloads/common/memory_guard.h"
#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/leapfrog.h"
#include "workloads/lulesh/reference_runs.h"
#include "workloads/lulesh/verification.h"

namespace corebench {
namespace {

using lulesh::Index;
using lulesh::Real;

// Rough footprint of the domain per element (corner forces, connectivity,
// about twenty element fields and a share of the nodal ones).
constexpr double kBytesPerElement = 720;

lulesh::Regions::Settings region_settings(const OptionValues& options) {
  lulesh::Regions::Settings regions;
  regions.count = static_cast<Index>(options.integer("regions"));
  regions.balance = static_cast<int>(options.integer("balance"));
  regions.cost = static_cast<int>(options.integer("cost"));
  return regions;
}

class Lulesh final : public Workload {
 public:
  void setup(const OptionValues& options, const RunConfig& config) override {
    const auto size = static_cast<Index>(options.integer("size"));
    max_cycles_ = options.is_auto("iterations") ? std::numeric_limits<Index>::max()
                                                : static_cast<Index>(options.integer("iterations"));
    const lulesh::Regions::Settings regions = region_settings(options);
    lulesh::Regions::check(regions);
    refuse_unless_it_fits(config, kBytesPerElement * std::pow(double(size), 3), "size",
                          std::to_string(size));
    reference_ = lulesh::find_reference_run(size, options.is_auto("iterations") ? 0 : max_cycles_);
    domain_ = std::make_unique<lulesh::Domain>(size, regions);
  }

  void prepare() override { domain_->reset(); }

  RunOutput run() override {
    failure_ = lulesh::run_leapfrog(*domain_, max_cycles_);
    // LULESH's figure of merit, 1000 / (microseconds per zone and cycle):
    // thousands of zone updates per second, labelled "z/s" by LULESH and by
    // the reviews that quote it.
    return {double(domain_->num_elem) * domain_->clock.cycle / 1000.0};
  }

  Verdict verify() override { return lulesh::judge(*domain_, failure_, reference_); }

 private:
  std::unique_ptr<lulesh::Domain> domain_;
  Index max_cycles_ = 0;
  std::optional<lulesh::ReferenceRun> reference_;
  lulesh::Failure failure_ = lulesh::Failure::None;
};

}  // namespace

WorkloadEntry make_lulesh_entry() {
  WorkloadInfo info;
  info.id = "lulesh";
  info.title = "LULESH 2.0 hydrodynamics (Sedov blast, Lagrange leapfrog)";
  info.category = "hpc";
  info.unit = "z/s";
  info.metric = MetricKind::Rate;
  info.options = {
      option("size").integer(1, 600).by_default("30").help(
          "elements per edge of the cube mesh (LULESH -s)"),
      option("iterations")
          .integer(1, 10000000)
          .by_default("auto")
          .help("cycles to run (LULESH -i); auto runs to the stop time"),
      option("regions").integer(1, 1000).by_default("11").help("material regions (LULESH -r)"),
      option("balance").integer(0, 30).by_default("1").help(
          "region size imbalance: region r is drawn with weight (r+1)^balance (LULESH -b); the "
          "weights summed over the regions must fit LULESH's int"),
      option("cost").integer(0, 1000).by_default("1").help(
          "extra equation-of-state passes of the costly regions (LULESH -c)"),
  };
  info.verification =
      "Final origin energy and iteration count equal LULESH 2.0.3's (6 significant digits) "
      "where it was run with the same size and iterations; always: LULESH's plane-0 symmetry "
      "check (MaxRelDiff < 1e-8), the same symmetry over the whole mesh under every swap of two "
      "axes, finite positive state, and a total energy between 50% and 100% of the blast's. "
      "Figure of merit as LULESH prints it: 1000 / grind time (us per zone per cycle).";
  // Planning refuses regions and balance whose weights overflow, as setup would.
  info.check = [](const OptionValues& options) {
    lulesh::Regions::check(region_settings(options));
  };
  // Zones times cycles; "auto" cycles (to the stop time) are LULESH's to count.
  info.work_scale = WorkScale{.options = {"size", "iterations"},
                              .of = [](const OptionValues& options) -> std::optional<double> {
                                const std::optional<double> cycles =
                                    given_number(options, "iterations");
                                if (!cycles) return std::nullopt;
                                const auto edge = static_cast<double>(options.integer("size"));
                                return edge * edge * edge * *cycles;
                              }};
  return {std::move(info), [] { return std::unique_ptr<Workload>(new Lulesh()); }};
}

}  // namespace corebench
