// The workload's hits against Debian's hmmsearch 3.3.2 on a small case:
// the models we write, sequences hmmemit samples from them and a
// background protein: every column of --tblout (full sequence and best
// domain: E-value, score, null2 bias).
#include <gtest/gtest.h>
#include <omp.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "support/run_command.h"
#include "workloads/hmmer/calibration.h"
#include "workloads/hmmer/domain_definition.h"
#include "workloads/hmmer/hmmer_workload.h"
#include "workloads/hmmer/model_file.h"
#include "workloads/hmmer/planted_domains.h"
#include "workloads/hmmer/sequence.h"
#include "workloads/hmmer/synthetic_library.h"
#include "workloads/registry.h"

namespace corebench::hmmer {
namespace {

namespace fs = std::filesystem;

struct Row {
  double evalue = 0, score = 0, bias = 0;
  double best_evalue = 0, best_score = 0, best_bias = 0;
  // hmmsearch's domain counts (our table stops before them): regions,
  // regions clustered, envelopes.
  double expected = 0;
  int regions = 0, clustered = 0, overlaps = 0, envelopes = 0;
};

// (target, query) -> the full-sequence columns of a --tblout file.
std::map<std::pair<std::string, std::string>, Row> read_table(const std::string& path) {
  std::map<std::pair<std::string, std::string>, Row> rows;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string target, target_acc, query, query_acc;
    Row row;
    fields >> target >> target_acc >> query >> query_acc >> row.evalue >> row.score >> row.bias >>
        row.best_evalue >> row.best_score >> row.best_bias >> row.expected >> row.regions >>
        row.clustered >> row.overlaps >> row.envelopes;
    rows[{target, query}] = row;
  }
  return rows;
}

bool hmmer_missing() {
  return access("/usr/bin/hmmsearch", X_OK) != 0 || access("/usr/bin/hmmemit", X_OK) != 0;
}

using Table = std::map<std::pair<std::string, std::string>, Row>;

// The columns --tblout prints, within what its printing rounds away.
void expect_same_hits(const Table& ours, const Table& theirs) {
  ASSERT_EQ(ours.size(), theirs.size());
  for (const auto& [key, their] : theirs) {
    SCOPED_TRACE(key.first + " / " + key.second);
    ASSERT_EQ(ours.count(key), 1u);
    const Row& our = ours.at(key);
    // Scores and biases are printed to 0.1 bits; HMMER's Forward and
    // Backward are single precision, ours double. Where hmmsearch
    // clustered tracebacks, null2 and the envelopes' ends come from 200
    // sampled paths, and ours are drawn from another random stream: the
    // sequence's bias then differs by up to 0.2 bits here, a domain's
    // score (its envelope's ends) by up to 0.6.
    const bool clustered = their.clustered > 0;
    const double sequence_bits = clustered ? 0.3 : 0.11, domain_bits = clustered ? 0.7 : 0.11;
    EXPECT_NEAR(our.score, their.score, sequence_bits);
    EXPECT_NEAR(our.bias, their.bias, sequence_bits);
    EXPECT_NEAR(our.best_score, their.best_score, domain_bits);
    EXPECT_NEAR(our.best_bias, their.best_bias, domain_bits);
    // E-values are printed to two digits; 0.1 bit moves them by ~7 %.
    const double decades = 0.05 * sequence_bits / 0.11, best_decades = 0.05 * domain_bits / 0.11;
    // hmmsearch prints 0 below the smallest double, so both are floored.
    const auto log10_of = [](double e) { return std::log10(std::max(e, 1e-300)); };
    EXPECT_NEAR(log10_of(our.evalue), log10_of(their.evalue), decades);
    EXPECT_NEAR(log10_of(our.best_evalue), log10_of(their.best_evalue), best_decades);
  }
}

// How many rows a --domtblout file has for (target, query).
std::map<std::pair<std::string, std::string>, int> count_domains(const std::string& path) {
  std::map<std::pair<std::string, std::string>, int> counts;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string target, target_acc, length, query;
    fields >> target >> target_acc >> length >> query;
    ++counts[{target, query}];
  }
  return counts;
}

// The calibrated library the tests search, written to `path`.
std::vector<Hmm> write_library(const std::string& path, int count, std::uint64_t seed) {
  auto library = synthetic_library(count, seed);
  FilterRows<NativeVectors> rows;
  double cells = 0;
  for (std::size_t i = 0; i < library.size(); ++i)
    library[i].calibration = calibrate(library[i], i, CalibrationPlan{}, rows, cells);
  write_hmmer3_file(path, library);
  return library;
}

// Our hits for `models` against `targets` (files), as a --tblout table.
Table search_with_workload(const std::string& models, const std::string& targets,
                           const fs::path& dir) {
  omp_set_num_threads(1);
  HmmerWorkload workload;
  workload.setup(resolve_options(builtin_registry().find("hmmer")->info,
                                 {{"models", models},
                                  {"sequences", targets},
                                  {"calibrate", "no"},
                                  {"save-hits", (dir / "ours.tbl").string()}}),
                 RunConfig{});
  workload.prepare();
  workload.run();
  EXPECT_TRUE(workload.verify().ok);
  return read_table((dir / "ours.tbl").string());
}

TEST(HmmerSearch, HitsMatchHmmsearchTblout) {
  if (hmmer_missing())
    GTEST_SKIP() << "Debian's hmmer package is not installed; scripts/bootstrap test installs it";
  const fs::path dir =
      fs::temp_directory_path() / ("corebench-hmmsearch-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string models = (dir / "lib.hmm").string(), targets = (dir / "targets.fa").string();
  write_library(models, 6, 21);
  const auto emitted = testing::run_exact({"/usr/bin/hmmemit", "-N", "2", "--seed", "9", models});
  ASSERT_EQ(emitted.exit_code, 0) << emitted.err;
  std::ofstream(targets) << emitted.out;
  {
    std::ofstream out(targets, std::ios::app);
    write_fasta(out, {builtin_target(4)});
  }
  const auto searched =
      testing::run_exact({"/usr/bin/hmmsearch", "--tblout", (dir / "theirs.tbl").string(), "-o",
                          "/dev/null", models, targets});
  ASSERT_EQ(searched.exit_code, 0) << searched.err;

  const Table ours = search_with_workload(models, targets, dir);
  const Table theirs = read_table((dir / "theirs.tbl").string());
  fs::remove_all(dir);
  expect_same_hits(ours, theirs);
}

// Background, a domain sampled from `hmm` less its last 15 %, then
// another less its first 15 % right after it, and background again: the
// cut ends blur where one domain stops and the next starts.
Sequence tandem_target(const Hmm& hmm, const std::string& name, std::uint64_t& state) {
  Sequence s;
  s.name = name;
  std::vector<std::uint8_t> flank;
  random_residues(state, 120, s.residues);
  for (int copy = 0; copy < 2; ++copy) {
    auto domain = sample_domain(hmm, state);
    const auto cut = static_cast<std::ptrdiff_t>(domain.size() * 15 / 100);
    if (copy == 0)
      domain.erase(domain.end() - cut, domain.end());
    else
      domain.erase(domain.begin(), domain.begin() + cut);
    s.residues.insert(s.residues.end(), domain.begin(), domain.end());
  }
  random_residues(state, 120, flank);
  s.residues.insert(s.residues.end(), flank.begin(), flank.end());
  return s;
}

// Two cut domains of one model back to back: in most of these targets the
// decoding sees one region with about two domains expected, which
// hmmsearch splits by stochastic traceback clustering. The regions, the
// regions clustered and the envelopes must be the ones --tblout counts,
// the domains as many as --domtblout lists, and the hits its --tblout.
TEST(HmmerSearch, TandemDomainsAreSplitAsHmmsearchSplitsThem) {
  if (hmmer_missing())
    GTEST_SKIP() << "Debian's hmmer package is not installed; scripts/bootstrap test installs it";
  const fs::path dir =
      fs::temp_directory_path() / ("corebench-hmmsearch-tandem-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string models = (dir / "lib.hmm").string(), targets = (dir / "tandem.fa").string();
  const auto library = write_library(models, 6, 31);
  const Hmm& hmm = library[1];  // 65 states: one region's domains overlap often enough
  std::vector<Sequence> tandem;
  std::uint64_t state = 77;
  for (int t = 0; t < 8; ++t)
    tandem.push_back(tandem_target(hmm, "tandem_" + std::to_string(t), state));
  write_fasta_file(targets, tandem);
  const std::string tbl = (dir / "theirs.tbl").string(), domtbl = (dir / "theirs.domtbl").string();
  const auto searched = testing::run_exact({"/usr/bin/hmmsearch", "--tblout", tbl, "--domtblout",
                                            domtbl, "-o", "/dev/null", models, targets});
  ASSERT_EQ(searched.exit_code, 0) << searched.err;
  const Table ours = search_with_workload(models, targets, dir);
  const Table theirs = read_table(tbl);
  const auto their_domains = count_domains(domtbl);
  fs::remove_all(dir);
  expect_same_hits(ours, theirs);
  int clustered = 0;
  for (std::size_t t = 0; t < tandem.size(); ++t) {
    const auto key = std::make_pair(tandem[t].name, hmm.name);
    SCOPED_TRACE(key.first);
    ASSERT_EQ(theirs.count(key), 1u);
    const Row& their = theirs.at(key);
    ForwardMatrix workspace;
    const DomainDefinition d = define_domains(hmm, tandem[t], 1000 + t, workspace);
    EXPECT_EQ(d.regions, their.regions);
    EXPECT_EQ(d.multidomain_regions, their.clustered);
    EXPECT_EQ(static_cast<int>(d.domains.size()), their.envelopes);
    EXPECT_EQ(static_cast<int>(d.domains.size()), their_domains.at(key));
    clustered += their.clustered;
  }
  // The case is only worth having while hmmsearch does cluster in it.
  EXPECT_GE(clustered, 3);
}

}  // namespace
}  // namespace corebench::hmmer
