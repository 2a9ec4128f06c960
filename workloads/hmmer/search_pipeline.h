// One model's part of hmmsearch's work: calibration when the model needs
// it, then each target through the MSV, Viterbi and Forward filters with
// hmmsearch's default thresholds, and the hits with their E-values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workloads/hmmer/calibration.h"
#include "workloads/hmmer/domain_definition.h"
#include "workloads/hmmer/filters.h"
#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/sequence.h"

namespace corebench::hmmer {

// hmmsearch's defaults: --F1 0.02, --F2 1e-3, --F3 1e-5, -E 10.
struct Thresholds {
  double msv = 0.02;
  double viterbi = 1e-3;
  double forward = 1e-5;
  double report = 10;
};

enum class CalibrateMode { Auto, Yes, No };

struct SearchSettings {
  CalibrateMode calibrate = CalibrateMode::Auto;
  CalibrationPlan plan;
  Thresholds thresholds;
};

// The raw filter scores (nats) of one target, for verification; nullopt
// where the pipeline stopped before that filter.
struct TargetScores {
  double msv = 0;
  std::optional<double> bias_null;  // the bias filter's null score
  std::optional<double> viterbi;
  std::optional<double> forward;
  bool passed_forward = false;  // on to domain definition

  bool operator==(const TargetScores&) const = default;
};

// A reported target: its scores as the columns of --tblout (bits).
struct Hit {
  std::size_t target = 0;  // index into the targets
  double score = 0;        // Forward less null1 and the null2 bias
  double bias = 0;         // the null2 bias subtracted
  double evalue = 0;
  Domain best;  // the best-scoring domain
  double best_evalue = 0;
  int domains = 0;
  double decoded_forward = 0;  // the double-precision Forward of the decoding, nats
  int multidomain_regions = 0, split_envelopes = 0;

  bool operator==(const Hit&) const = default;
};

struct ModelSearch {
  Calibration calibration;
  std::vector<TargetScores> scores;  // one per target
  std::vector<Hit> hits;
  double cells = 0;  // DP cells computed, calibration included
  // Over all targets that reached domain definition, reported or not.
  int multidomain_regions = 0, split_envelopes = 0;

  bool operator==(const ModelSearch&) const = default;
};

// Whether a model is calibrated here (mode and what its file carries).
bool needs_calibration(const Hmm& hmm, CalibrateMode mode);

// `seed` seeds the model's calibration sequences and its tracebacks.
template <typename V>
ModelSearch search_model(const Hmm& hmm, const std::vector<Sequence>& targets,
                         const SearchSettings& settings, std::uint64_t seed, FilterRows<V>& rows);

// The E-values of a score given the calibration and the number of targets.
double forward_evalue(double bits, const Calibration& c, std::size_t targets);

}  // namespace corebench::hmmer
