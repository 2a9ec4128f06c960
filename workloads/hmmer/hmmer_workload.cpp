#include "workloads/hmmer/hmmer_workload.h"

#include <fmt/format.h>
#include <omp.h>

#include <exception>

#include "workloads/common/parallel_for_each.h"
#include "workloads/hmmer/filters.h"
#include "workloads/hmmer/hits_table.h"
#include "workloads/hmmer/model_file.h"
#include "workloads/hmmer/planted_domains.h"
#include "workloads/hmmer/reference_hits.h"
#include "workloads/hmmer/run_verification.h"
#include "workloads/hmmer/synthetic_library.h"

namespace corebench::hmmer {
namespace {

constexpr const char* kBuiltin = "synthetic";
constexpr const char* kNone = "none";

CalibrateMode calibrate_mode(const std::string& text) {
  if (text == "yes") return CalibrateMode::Yes;
  if (text == "no") return CalibrateMode::No;
  return CalibrateMode::Auto;
}

void refuse_uncalibrated(const std::vector<Hmm>& models, const std::string& file) {
  for (const Hmm& hmm : models)
    if (!hmm.calibration)
      throw std::invalid_argument(
          fmt::format("calibrate=no, but model {} in {} has no STATS lines (use calibrate=auto)",
                      hmm.name, file));
}

// Calibrates what is not, for writing: hmmsearch needs STATS in a 3/f file.
void save_models(std::vector<Hmm> models, const SearchSettings& settings, std::uint64_t seed,
                 const std::string& path) {
  parallel_for_each(models.size(), [&](std::size_t i, std::size_t) {
    if (models[i].calibration) return;
    FilterRows<NativeVectors> rows;
    double cells = 0;
    models[i].calibration = calibrate(models[i], model_seed(seed, i), settings.plan, rows, cells);
  });
  write_hmmer3_file(path, models);
}

}  // namespace

std::uint64_t model_seed(std::uint64_t seed, std::size_t index) {
  return seed * 0x100000001b3ull + index;
}

void HmmerWorkload::setup(const OptionValues& options, const RunConfig& config) {
  seed_ = static_cast<std::uint64_t>(options.integer("seed"));
  const std::string& models = options.text("models");
  models_ = models == kBuiltin
                ? synthetic_library(static_cast<int>(options.integer("count")), seed_)
                : read_model_file(models);
  const std::string& sequences = options.text("sequences");
  if (sequences == kBuiltin) {
    targets_ = {builtin_target(seed_)};
    plant_domains(targets_.front(), models_, seed_);
  } else {
    targets_ = read_fasta_file(sequences);
  }
  reference_case_ = models == kBuiltin && sequences == kBuiltin &&
                    options.integer("count") == kReferenceCount &&
                    static_cast<std::uint64_t>(options.integer("seed")) == kReferenceSeed;
  settings_.calibrate = calibrate_mode(options.text("calibrate"));
  if (settings_.calibrate == CalibrateMode::No) refuse_uncalibrated(models_, models);
  mode_ = options.text("mode") == "split" ? Mode::Split : Mode::Copies;
  threads_ = std::max(1, config.threads);
  save_hits_ = options.text("save-hits");
  if (const std::string& path = options.text("save-models"); path != kNone)
    save_models(models_, settings_, seed_, path);
  if (const std::string& path = options.text("save-sequences"); path != kNone)
    write_fasta_file(path, targets_);
}

void HmmerWorkload::prepare() {
  copies_.clear();
}

std::vector<ModelSearch> HmmerWorkload::search_all() const {
  FilterRows<NativeVectors> rows;
  std::vector<ModelSearch> searches;
  searches.reserve(models_.size());
  for (std::size_t m = 0; m < models_.size(); ++m)
    searches.push_back(search_model(models_[m], targets_, settings_, model_seed(seed_, m), rows));
  return searches;
}

// Each thread makes its own copy's rows and results: its memory is first
// touched on its own CPU.
void HmmerWorkload::run_copies() {
  copies_.assign(static_cast<std::size_t>(threads_), {});
  std::exception_ptr error;
#pragma omp parallel num_threads(threads_)
  {
    const auto copy = static_cast<std::size_t>(omp_get_thread_num());
    try {
      copies_[copy] = search_all();
    } catch (...) {
#pragma omp critical(corebench_hmmer_copies_error)
      if (!error) error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
}

void HmmerWorkload::run_split() {
  copies_.assign(1, std::vector<ModelSearch>(models_.size()));
  std::vector<FilterRows<NativeVectors>> rows(static_cast<std::size_t>(threads_));
  parallel_for_each(models_.size(), [&](std::size_t m, std::size_t thread) {
    copies_[0][m] =
        search_model(models_[m], targets_, settings_, model_seed(seed_, m), rows[thread]);
  });
}

RunOutput HmmerWorkload::run() {
  if (mode_ == Mode::Copies)
    run_copies();
  else
    run_split();
  return {};
}

Verdict HmmerWorkload::verify() {
  if (copies_.empty()) return {false, "no run to verify", {}};
  Verdict verdict = verify_run(models_, targets_, copies_);
  if (verdict.ok && reference_case_) {
    const std::string problem =
        compare_hits(hit_rows(models_, copies_.front(), targets_), builtin_reference());
    verdict.facts["reference_hits"] = static_cast<double>(builtin_reference().size());
    if (problem.empty()) {
      verdict.detail += fmt::format("; the {} hits equal Debian hmmsearch 3.3.2's stored list",
                                    builtin_reference().size());
    } else {
      verdict.ok = false;
      verdict.detail = "against hmmsearch's stored hits: " + problem;
    }
  }
  if (verdict.ok && save_hits_ != kNone)
    write_hits_table_file(save_hits_, models_, copies_.front(), targets_);
  return verdict;
}

}  // namespace corebench::hmmer
