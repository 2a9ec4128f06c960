// The result files a user has saved in a directory (by default
// common/paths results_dir()), for `corebench results` and for naming one
// as `latest` or `latest~N` where a file is expected.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "runner/results/result.h"

namespace corebench {

struct SavedResult {
  std::filesystem::path path;
  std::optional<ResultFile> file;  // nullopt: unreadable, `error` says why
  std::string error;
};

// Every *.json of `dir`, oldest first: by the time each file says it was
// created (file names can be anything), then by name; unreadable files
// last. A directory that does not exist holds none.
std::vector<SavedResult> saved_results(const std::filesystem::path& dir);

// `word` "latest" is the newest readable result file of `dir`, "latest~N"
// the one N before it; nullopt for any other word (a path, used as it is).
// Throws Error when `dir` holds fewer, or N is not a number.
std::optional<std::filesystem::path> resolve_latest(const std::string& word,
                                                    const std::filesystem::path& dir);

}  // namespace corebench
