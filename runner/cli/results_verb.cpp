#include <fmt/format.h>

#include <map>

#include "runner/cli/verbs.h"
#include "runner/common/paths.h"
#include "runner/results/report/text_layout.h"
#include "runner/results/saved_results.h"

namespace corebench {
namespace {

// "5 ok, 1 failed": the tests by status, in the order Status lists them.
std::string status_counts(const ResultFile& file) {
  std::map<Status, int> counts;
  for (const TestResult& test : file.tests) ++counts[test.status];
  std::string text;
  for (const auto& [status, count] : counts)
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", count, to_string(status));
  return text.empty() ? "no tests" : text;
}

// "2026-12-02T08:10:00Z" as "2026-12-02 08:10".
std::string short_time(const std::string& iso) {
  if (iso.size() < 16) return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::vector<std::string> row_of(const SavedResult& saved, std::size_t index, std::size_t count) {
  const std::string name = saved.path.filename().string();
  // What compare and resume take for it.
  const std::string word =
      index + 1 == count ? "latest" : fmt::format("latest~{}", count - 1 - index);
  const ResultFile& file = *saved.file;
  return {word,
          short_time(file.created),
          file.label.empty() ? file.system.hostname : file.label,
          fmt::format("{} ({} CPUs)", file.system.cpu_model, file.system.logical_cpus),
          fmt::format("{}", file.tests.size()),
          status_counts(file),
          name};
}

}  // namespace

int results_verb() {
  const auto dir = results_dir();
  const std::vector<SavedResult> saved = saved_results(dir);
  fmt::print("Saved results in {} (oldest first)\n", dir.string());
  std::size_t readable = 0;
  for (const SavedResult& s : saved) readable += s.file ? 1 : 0;
  if (saved.empty()) {
    fmt::print("  none yet: corebench run saves its results here unless --output says otherwise\n");
    return 0;
  }
  std::vector<std::vector<std::string>> grid = {
      {"name", "created (UTC)", "label", "machine", "tests", "status", "file"}};
  for (std::size_t i = 0; i < readable; ++i) grid.push_back(row_of(saved[i], i, readable));
  TextLayout layout;
  layout.wrapping = {3, 5};
  layout.rules_before = {1};
  if (readable > 0) fmt::print("\n{}", layout_grid(grid, layout));
  for (std::size_t i = readable; i < saved.size(); ++i)
    fmt::print("  unreadable: {}\n", saved[i].error);
  return 0;
}

}  // namespace corebench
