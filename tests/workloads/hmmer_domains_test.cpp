// The stages after the filters: posterior decoding, domain definition,
// null2, the bias filter, and the built-in case against hmmsearch (its
// pipeline counts live, its hits as stored).
#include <gtest/gtest.h>
#include <omp.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

#include "support/run_command.h"
#include "workloads/hmmer/bias_filter.h"
#include "workloads/hmmer/domain_definition.h"
#include "workloads/hmmer/generic_dp.h"
#include "workloads/hmmer/hmmer_workload.h"
#include "workloads/hmmer/planted_domains.h"
#include "workloads/hmmer/posterior_decoding.h"
#include "workloads/hmmer/reference_hits.h"
#include "workloads/hmmer/synthetic_library.h"
#include "workloads/hmmer/text_lines.h"
#include "workloads/registry.h"

namespace corebench::hmmer {
namespace {

namespace fs = std::filesystem;

// Background of `length` with one domain sampled from `hmm` at each of
// `at` (1-based starts); the domains' ends come back in `ends`.
Sequence with_domains(const Hmm& hmm, int length, const std::vector<int>& at,
                      std::vector<int>& ends, std::uint64_t seed) {
  Sequence s;
  s.name = "planted";
  std::uint64_t state = seed;
  random_residues(state, length, s.residues);
  for (int start : at) {
    const auto domain = sample_domain(hmm, state);
    std::copy(domain.begin(), domain.end(), s.residues.begin() + (start - 1));
    ends.push_back(start + static_cast<int>(domain.size()) - 1);
  }
  return s;
}

TEST(HmmerDecoding, ForwardAndBackwardAgreeWithTheGenericForward) {
  const auto library = synthetic_library(8, 3);
  for (std::size_t i = 0; i < library.size(); ++i) {
    SCOPED_TRACE(library[i].name);
    std::vector<int> ends;
    const Sequence s = with_domains(library[i], 3 * library[i].length() + 60, {31}, ends, 5 + i);
    const SearchProfile profile = make_search_profile(library[i], s.length());
    ForwardMatrix workspace;
    const Posteriors p = decode(profile, s.residues.data(), s.length(), workspace);
    EXPECT_NEAR(p.forward, generic_forward(profile, s.residues), 1e-9);
    EXPECT_NEAR(p.backward, p.forward, 1e-9);
    // Every residue is emitted by some state: the expected uses add up.
    const double used = std::accumulate(p.match_use.begin(), p.match_use.end(), 0.0) +
                        std::accumulate(p.insert_use.begin(), p.insert_use.end(), 0.0) +
                        p.flank_use;
    EXPECT_NEAR(used, s.length(), 1e-6 * s.length());
    for (int r = 1; r <= s.length(); ++r) {
      EXPECT_GE(p.core[r], -1e-12);
      EXPECT_LE(p.core[r], 1 + 1e-9);
    }
  }
}

TEST(HmmerDomains, TwoPlantedDomainsAreTwoEnvelopesAroundThem) {
  const auto library = synthetic_library(4, 11);
  const Hmm& hmm = library[1];
  std::vector<int> ends;
  const std::vector<int> starts = {101, 2 * hmm.length() + 401};
  const Sequence s = with_domains(hmm, 3 * hmm.length() + 600, starts, ends, 17);
  ForwardMatrix workspace;
  const DomainDefinition d = define_domains(hmm, s, 5, workspace);
  ASSERT_EQ(d.domains.size(), 2u) << hmm.name << " M=" << hmm.length();
  for (std::size_t i = 0; i < 2; ++i) {
    SCOPED_TRACE(i);
    // The envelope holds most of the planted domain and little else.
    EXPECT_NEAR(d.domains[i].start, starts[i], 15);
    EXPECT_NEAR(d.domains[i].end, ends[i], 15);
    EXPECT_GT(d.domains[i].score, 20);
    EXPECT_GE(d.domains[i].bias, 0);
  }
  EXPECT_GT(sequence_bias(d), 0);
}

TEST(HmmerBiasFilter, SeesTheModelsCompositionAndNotTheBackground) {
  const auto library = synthetic_library(3, 2);
  const Frequencies composition = model_composition(library[0]);
  std::uint64_t state = 8;
  std::vector<std::uint8_t> background;
  random_residues(state, 500, background);
  // Background: the biased state is rarely used, the score near null1's.
  EXPECT_NEAR(bias_null_score(composition, library[0].length(), background), null_score(500), 1.0);
  // A stretch of the model's most enriched residue: far above null1.
  int enriched = 0;
  for (int x = 1; x < kResidues; ++x)
    if (composition[x] / background_frequencies()[x] >
        composition[enriched] / background_frequencies()[enriched])
      enriched = x;
  std::vector<std::uint8_t> biased = background;
  std::fill(biased.begin() + 400, biased.end(), static_cast<std::uint8_t>(enriched));
  EXPECT_GT(bias_null_score(composition, library[0].length(), biased), null_score(500) + 10);
}

TEST(HmmerReference, TableRowsNameTheirFileAndLine) {
  const auto rows =
      read_hits_table("# comment\nt - q Q1 1e-5 20.5 0.1 2e-5 20.0 0.3 1 1\n", "x.tbl");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].query, "q");
  EXPECT_DOUBLE_EQ(rows[0].best_bias, 0.3);
  try {
    read_hits_table("# comment\nt - q Q1 1e-5 twenty\n", "x.tbl");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "x.tbl:2: expected the ten first columns of --tblout");
  }
  TableRow moved = rows[0];
  moved.best_score += 0.3;
  EXPECT_EQ(compare_hits(rows, rows), "");
  EXPECT_NE(compare_hits({moved}, rows).find("differs"), std::string::npos);
  EXPECT_NE(compare_hits({}, rows).find("missing"), std::string::npos);
  EXPECT_NE(compare_hits(rows, {}).find("not in"), std::string::npos);
}

HmmerWorkload builtin_case(const std::map<std::string, std::string>& extra = {}) {
  omp_set_num_threads(1);
  HmmerWorkload workload;
  workload.setup(resolve_options(builtin_registry().find("hmmer")->info, extra), RunConfig{});
  workload.prepare();
  workload.run();
  return workload;
}

TEST(HmmerReference, BuiltinCaseHasTheStoredHitsAndNoticesAMovedOne) {
  HmmerWorkload workload = builtin_case();
  Verdict verdict = workload.verify();
  ASSERT_TRUE(verdict.ok) << verdict.detail;
  EXPECT_NE(verdict.detail.find("stored list"), std::string::npos) << verdict.detail;
  ASSERT_GE(builtin_reference().size(), 2u);
  EXPECT_EQ(verdict.facts.at("hits"), static_cast<double>(builtin_reference().size()));
  for (auto& search : workload.copies()[0])
    for (Hit& hit : search.hits) {
      hit.best.score += 0.5;
      hit.best_evalue = forward_evalue(hit.best.score, search.calibration, 1);
    }
  verdict = workload.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_NE(verdict.detail.find("stored hits"), std::string::npos) << verdict.detail;
}

// hmmsearch's "Passed ... filter" lines, summed over the models.
std::map<std::string, double> pipeline_counts(const std::string& output) {
  std::map<std::string, double> counts;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);)
    for (const char* stage : {"MSV", "bias", "Vit", "Fwd"})
      if (line.rfind(std::string("Passed ") + stage + " filter:", 0) == 0) {
        std::istringstream fields(line.substr(line.find(':') + 1));
        double n = 0;
        fields >> n;
        counts[stage] += n;
      }
  return counts;
}

TEST(HmmerReference, BuiltinCasePassesEachFilterAsOftenAsHmmsearch) {
  if (access("/usr/bin/hmmsearch", X_OK) != 0)
    GTEST_SKIP() << "Debian's hmmer package is not installed; scripts/bootstrap test installs it";
  const fs::path dir = fs::temp_directory_path() / ("corebench-stages-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string models = (dir / "lib.hmm").string(), target = (dir / "target.fa").string();
  HmmerWorkload workload = builtin_case({{"save-models", models}, {"save-sequences", target}});
  const Verdict verdict = workload.verify();
  ASSERT_TRUE(verdict.ok) << verdict.detail;
  const auto searched = testing::run_exact({"/usr/bin/hmmsearch", "--cpu", "1", models, target});
  fs::remove_all(dir);
  ASSERT_EQ(searched.exit_code, 0) << searched.err;
  auto counts = pipeline_counts(searched.out);
  EXPECT_GT(counts["MSV"], 0);
  EXPECT_EQ(verdict.facts.at("passed_msv"), counts["MSV"]);
  EXPECT_EQ(verdict.facts.at("passed_bias"), counts["bias"]);
  EXPECT_EQ(verdict.facts.at("passed_viterbi"), counts["Vit"]);
  EXPECT_EQ(verdict.facts.at("passed_forward"), counts["Fwd"]);
}

}  // namespace
}  // namespace corebench::hmmer
