// A fresh directory that the test owns, removed with everything in it when
// the owner goes away, including after a failure. A test killed with
// SIGKILL (the runner's timeout) cannot clean up: its directory records the
// owner's pid, and the next TempDir of the same prefix removes it.
#pragma once

#include <filesystem>
#include <string>

namespace corebench::compile {

class TempDir {
 public:
  // Creates <temp>/<prefix>-XXXXXX under $TMPDIR (else /tmp), after
  // removing directories of that prefix whose owner has died. Throws
  // std::system_error.
  explicit TempDir(const std::string& prefix);
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace corebench::compile
