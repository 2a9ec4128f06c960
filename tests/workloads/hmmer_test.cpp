// The hmmer workload end to end: modes and thread counts agree, the
// verification notices damage, bad input is a one-line error at setup.
#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "workloads/hmmer/hmmer_workload.h"
#include "workloads/hmmer/text_lines.h"
#include "workloads/registry.h"

namespace corebench::hmmer {
namespace {

OptionValues options(const std::map<std::string, std::string>& given) {
  return resolve_options(builtin_registry().find("hmmer")->info, given);
}

std::vector<ModelSearch> run_with(const std::map<std::string, std::string>& given, int threads) {
  omp_set_num_threads(threads);
  HmmerWorkload workload;
  workload.setup(options(given), RunConfig{.threads = threads});
  workload.prepare();
  workload.run();
  const Verdict verdict = workload.verify();
  EXPECT_TRUE(verdict.ok) << verdict.detail;
  EXPECT_EQ(workload.copies().size(), given.at("mode") == "copies" ? std::size_t(threads) : 1u);
  return workload.copies().front();
}

TEST(Hmmer, CopiesAndSplitFindTheSameForAnyThreadCount) {
  const auto reference = run_with({{"count", "6"}, {"mode", "split"}}, 1);
  ASSERT_EQ(reference.size(), 6u);
  for (int threads : {1, 2, 3})
    for (const char* mode : {"copies", "split"}) {
      SCOPED_TRACE(std::string(mode) + " " + std::to_string(threads));
      EXPECT_TRUE(run_with({{"count", "6"}, {"mode", mode}}, threads) == reference);
    }
}

TEST(Hmmer, VerificationNoticesAWrongScore) {
  omp_set_num_threads(1);
  HmmerWorkload workload;
  workload.setup(options({{"count", "3"}}), RunConfig{});
  workload.prepare();
  workload.run();
  ASSERT_TRUE(workload.verify().ok);
  // A sampled model (the first, middle and last are) whose MSV score did
  // not overflow: the built-in target has domains from some models.
  auto& searches = workload.copies()[0];
  auto finite = std::find_if(searches.begin(), searches.end(),
                             [](const ModelSearch& s) { return std::isfinite(s.scores[0].msv); });
  ASSERT_NE(finite, searches.end());
  finite->scores[0].msv += 0.01;
  const Verdict verdict = workload.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_NE(verdict.detail.find("generic DP"), std::string::npos) << verdict.detail;
}

TEST(Hmmer, CopiesThatDisagreeFailVerification) {
  omp_set_num_threads(2);
  HmmerWorkload workload;
  workload.setup(options({{"count", "3"}}), RunConfig{.threads = 2});
  workload.prepare();
  workload.run();
  ASSERT_TRUE(workload.verify().ok);
  workload.copies()[1][2].calibration.msv_mu += 1;
  EXPECT_FALSE(workload.verify().ok);
}

TEST(Hmmer, BadInputIsAOneLineErrorAtSetup) {
  HmmerWorkload workload;
  try {
    workload.setup(options({{"models", "/nonexistent/Pfam_ls"}}), RunConfig{});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/Pfam_ls:0: cannot open the model file");
  }
  EXPECT_THROW(options({{"calibrate", "no"}}), OptionError);
  const std::string fasta =
      (std::filesystem::temp_directory_path() / "corebench-empty.fa").string();
  std::ofstream(fasta) << "\n";
  EXPECT_THROW(workload.setup(options({{"sequences", fasta}}), RunConfig{}), InputError);
  std::filesystem::remove(fasta);
}

}  // namespace
}  // namespace corebench::hmmer
