#include "runner/exec/result_file_writer.h"

#include <fmt/format.h>

#include "runner/common/error.h"
#include "runner/common/paths.h"
#include "runner/common/utc_time.h"

namespace corebench {
namespace {

// TIME.json in the results directory; TIME-2.json and on for a second run
// started within the same second.
std::filesystem::path default_path() {
  const std::filesystem::path dir = results_dir();
  const std::string stem = utc_now("%Y%m%d-%H%M%S");
  std::filesystem::path path = dir / (stem + ".json");
  std::error_code error;
  for (int n = 2; std::filesystem::exists(path, error); ++n)
    path = dir / fmt::format("{}-{}.json", stem, n);
  return path;
}

}  // namespace

ResultFileWriter::ResultFileWriter(const std::filesystem::path& path, bool append)
    : path_(path.empty() ? default_path() : path) {
  std::error_code error;
  if (!append && std::filesystem::exists(path_, error))
    throw Error(
        fmt::format("{}: the result file exists; give another --output, or --append to "
                    "add these tests to it",
                    path_.string()));
  // Only the default directory is made: a missing directory the user named
  // is a mistyped path, and a result file must not land somewhere unseen.
  if (path.empty()) std::filesystem::create_directories(path_.parent_path(), error);
}

void ResultFileWriter::session_started(const ResultFile& result, std::size_t planned_tests) {
  planned_tests_ = planned_tests;
  write_result_file(path_, result);
  fmt::print(stderr, "corebench {}: {} tests, results in {}\n", result.corebench_version,
             planned_tests, path_.string());
}

void ResultFileWriter::run_finished(const ResultFile& result) {
  write_result_file(path_, result);
}

void ResultFileWriter::test_finished(const ResultFile& result) {
  ++finished_tests_;
  write_result_file(path_, result);
}

void ResultFileWriter::session_finished(const ResultFile& result, bool interrupted) {
  if (!interrupted) return;
  fmt::print(stderr, "Interrupted during test {}/{} ({}); the {} finished tests are saved in {}\n",
             finished_tests_, planned_tests_, result.tests.back().name, finished_tests_ - 1,
             path_.string());
}

}  // namespace corebench
