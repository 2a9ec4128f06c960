#include "runner/results/saved_results.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <system_error>

#include "runner/common/error.h"

namespace corebench {
namespace {

constexpr std::string_view kLatest = "latest";

// N of "latest~N"; nullopt unless `word` is "latest" or "latest~N".
std::optional<std::size_t> steps_back(const std::string& word) {
  if (word == kLatest) return 0;
  if (!word.starts_with(std::string(kLatest) + "~")) return std::nullopt;
  const std::string_view digits = std::string_view(word).substr(kLatest.size() + 1);
  std::size_t n = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size())
    throw Error(fmt::format("'{}': after latest~ comes a number of files back (latest~1)", word));
  return n;
}

}  // namespace

std::vector<SavedResult> saved_results(const std::filesystem::path& dir) {
  std::vector<SavedResult> saved;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    SavedResult result{.path = entry.path(), .file = std::nullopt, .error = ""};
    try {
      result.file = read_result_file(entry.path());
    } catch (const Error& e) {
      result.error = e.what();
    }
    saved.push_back(std::move(result));
  }
  std::sort(saved.begin(), saved.end(), [](const SavedResult& a, const SavedResult& b) {
    // ISO 8601 UTC times sort as text.
    const auto key = [](const SavedResult& s) {
      return std::tuple(!s.file, s.file ? s.file->created : "", s.path.filename().string());
    };
    return key(a) < key(b);
  });
  return saved;
}

std::optional<std::filesystem::path> resolve_latest(const std::string& word,
                                                    const std::filesystem::path& dir) {
  const auto back = steps_back(word);
  if (!back) return std::nullopt;
  const std::vector<SavedResult> saved = saved_results(dir);
  const auto readable = static_cast<std::size_t>(
      std::count_if(saved.begin(), saved.end(), [](const SavedResult& s) { return s.file; }));
  if (*back >= readable)
    throw Error(fmt::format("'{}': {} holds {} result file{} (corebench results lists them)", word,
                            dir.string(), readable, readable == 1 ? "" : "s"));
  return saved[readable - 1 - *back].path;
}

}  // namespace corebench
