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
#include "workloads/hmmer/hmmer_workload.h"
#include "workloads/hmmer/model_file.h"
#include "workloads/hmmer/synthetic_library.h"
#include "workloads/registry.h"

namespace corebench::hmmer {
namespace {

namespace fs = std::filesystem;

struct Row {
  double evalue = 0, score = 0, bias = 0;
  double best_evalue = 0, best_score = 0, best_bias = 0;
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
        row.best_evalue >> row.best_score >> row.best_bias;
    rows[{target, query}] = row;
  }
  return rows;
}

TEST(HmmerSearch, HitsMatchHmmsearchTblout) {
  for (const char* tool : {"/usr/bin/hmmsearch", "/usr/bin/hmmemit"})
    if (access(tool, X_OK) != 0)
      GTEST_SKIP() << "Debian's hmmer package is not installed (" << tool
                   << " missing); scripts/bootstrap test installs it";
  const fs::path dir =
      fs::temp_directory_path() / ("corebench-hmmsearch-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string models = (dir / "lib.hmm").string(), targets = (dir / "targets.fa").string();
  auto library = synthetic_library(6, 21);
  FilterRows<NativeVectors> rows;
  double cells = 0;
  for (std::size_t i = 0; i < library.size(); ++i)
    library[i].calibration = calibrate(library[i], i, CalibrationPlan{}, rows, cells);
  write_hmmer3_file(models, library);
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
  ASSERT_TRUE(workload.verify().ok);
  const auto ours = read_table((dir / "ours.tbl").string());
  const auto theirs = read_table((dir / "theirs.tbl").string());
  fs::remove_all(dir);
  ASSERT_EQ(ours.size(), theirs.size());
  for (const auto& [key, their] : theirs) {
    SCOPED_TRACE(key.first + " / " + key.second);
    ASSERT_EQ(ours.count(key), 1u);
    const Row& our = ours.at(key);
    // Scores and biases are printed to 0.1 bits; HMMER's Forward and
    // Backward are single precision, ours double.
    EXPECT_NEAR(our.score, their.score, 0.11);
    EXPECT_NEAR(our.bias, their.bias, 0.11);
    EXPECT_NEAR(our.best_score, their.best_score, 0.11);
    EXPECT_NEAR(our.best_bias, their.best_bias, 0.11);
    // E-values are printed to two digits; 0.1 bit moves them by ~7 %.
    EXPECT_NEAR(std::log10(our.evalue), std::log10(their.evalue), 0.05);
    EXPECT_NEAR(std::log10(our.best_evalue), std::log10(their.best_evalue), 0.05);
  }
}

}  // namespace
}  // namespace corebench::hmmer
