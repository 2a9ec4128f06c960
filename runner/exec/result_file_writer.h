// Keeps the session's result file: written once before the first test (so
// an unwritable path fails before an hour of tests), then rewritten
// atomically after every run, so a crash loses at most the run in flight.
// An existing file is never replaced unless the session appends to it.
#pragma once

#include <cstddef>
#include <filesystem>

#include "runner/exec/session_listener.h"

namespace corebench {

class ResultFileWriter final : public SessionListener {
 public:
  // An empty `path` is TIME.json in results_dir() (common/paths; the
  // directory is made).
  // Throws Error when `path` exists and `append` is false.
  ResultFileWriter(const std::filesystem::path& path, bool append);
  const std::filesystem::path& path() const { return path_; }

  void session_started(const ResultFile& result, std::size_t planned_tests) override;
  void run_finished(const ResultFile& result) override;
  void test_finished(const ResultFile& result) override;
  // Interrupted: says which test it was and where the finished ones are.
  void session_finished(const ResultFile& result, bool interrupted) override;

 private:
  std::filesystem::path path_;
  std::size_t planned_tests_ = 0;
  std::size_t finished_tests_ = 0;  // of this session's (an appended-to file has more)
};

}  // namespace corebench
