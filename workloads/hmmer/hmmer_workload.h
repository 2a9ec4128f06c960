// The hmmer workload: hmmsearch of a model library against target
// sequences, timed as a whole, in one of two ways. copies: every thread
// runs the whole search on its own, as the published test's independent
// MPI ranks do; split: the models are handed out to the threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/search_pipeline.h"
#include "workloads/hmmer/sequence.h"
#include "workloads/workload.h"

namespace corebench::hmmer {

enum class Mode { Copies, Split };

class HmmerWorkload final : public Workload {
 public:
  void setup(const OptionValues& options, const RunConfig& config) override;
  void prepare() override;
  RunOutput run() override;
  Verdict verify() override;

  // What the last run found, copy by copy, for tests that compare modes.
  const std::vector<std::vector<ModelSearch>>& copies() const { return copies_; }
  std::vector<std::vector<ModelSearch>>& copies() { return copies_; }

 private:
  void run_copies();
  void run_split();
  std::vector<ModelSearch> search_all() const;

  std::vector<Hmm> models_;
  std::vector<Sequence> targets_;
  SearchSettings settings_;
  std::uint64_t seed_ = 0;
  Mode mode_ = Mode::Copies;
  int threads_ = 1;
  std::string save_hits_;
  bool reference_case_ = false;  // the built-in case: compare with reference/builtin.tbl
  std::vector<std::vector<ModelSearch>> copies_;
};

// The seed of model `index`'s calibration sequences.
std::uint64_t model_seed(std::uint64_t seed, std::size_t index);

}  // namespace corebench::hmmer
