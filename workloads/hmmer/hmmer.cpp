#include "workloads/hmmer/hmmer.h"

#include "workloads/hmmer/hmmer_workload.h"

namespace corebench {
namespace {

void refuse_empty(const std::string& value) {
  if (value.empty()) throw OptionError("a path, or the option's keyword, is needed");
}

// The synthetic library has no STATS to fall back on.
void check_together(const OptionValues& options) {
  if (options.text("calibrate") == "no" && options.text("models") == "synthetic")
    throw OptionError(
        "hmmer: calibrate=no needs a models file with STATS lines; the synthetic library is "
        "calibrated (calibrate=auto or yes)");
}

}  // namespace

WorkloadEntry make_hmmer_entry() {
  // Designated initialisers: see compress.cpp (GCC bug 105329).
  WorkloadInfo info{
      .id = "hmmer",
      .title = "HMMER 3 hmmsearch: profile HMM calibration and striped-vector search",
      .category = "bioinformatics",
      .unit = "s",
      .metric = MetricKind::Seconds,
      .options =
          {
              option("models")
                  .text()
                  .by_default("synthetic")
                  .checked_by(refuse_empty)
                  .help("synthetic (the seeded Pfam-like library) or an HMMER 3 or HMMER 2 ASCII "
                        "file"),
              option("count").integer(1, 20000).by_default("100").help(
                  "models in the synthetic library"),
              option("sequences")
                  .text()
                  .by_default("synthetic")
                  .checked_by(refuse_empty)
                  .help("synthetic (one seeded 2554-residue protein, 7LESS_DROME's length, with "
                        "4 domains sampled from the models) or FASTA"),
              option("mode")
                  .choice({"copies", "split"})
                  .by_default("copies")
                  .help("copies: every thread runs the whole search (the published test's ranks); "
                        "split: the models are divided among the threads"),
              option("calibrate")
                  .choice({"auto", "yes", "no"})
                  .by_default("auto")
                  .help(
                      "auto: calibrate models without STATS (as hmmsearch does for HMMER 2 files)"),
              option("seed")
                  .integer(0, 2147483647)
                  .by_default("1")
                  .help("seeds the synthetic library, target and calibration sequences"),
              option("save-hits")
                  .text()
                  .by_default("none")
                  .checked_by(refuse_empty)
                  .help("none, or a file for the hits in hmmsearch --tblout's columns"),
              option("save-models")
                  .text()
                  .by_default("none")
                  .checked_by(refuse_empty)
                  .help("none, or a file for the models in HMMER 3/f (calibrated), for hmmsearch"),
              option("save-sequences")
                  .text()
                  .by_default("none")
                  .checked_by(refuse_empty)
                  .help("none, or a FASTA file for the targets (the built-in one too), for "
                        "hmmsearch"),
          },
      .verification =
          "copies agree; a sample of MSV and Viterbi filter scores equal a double-precision "
          "generic DP on the filters' rounded scores, Forward within 0.001 bits of it; hit "
          "E-values follow from their scores and calibration, the posterior decoding's Forward "
          "within 0.001 bits of the filter's; the built-in case's hits equal Debian hmmsearch "
          "3.3.2's stored list (scores and biases within 0.11 bits, E-values within 0.05 in "
          "log10)",
      .check = check_together,
  };
  info.work_scale = WorkScale{.options = {"count"},
                              .of = [](const OptionValues& options) -> std::optional<double> {
                                return given_number(options, "count");
                              }};
  return {std::move(info), [] { return std::unique_ptr<Workload>(new hmmer::HmmerWorkload()); }};
}

}  // namespace corebench
