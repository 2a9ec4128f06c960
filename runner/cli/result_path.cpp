#include "runner/cli/verbs.h"
#include "runner/common/paths.h"
#include "runner/results/saved_results.h"

namespace corebench {

std::string result_path(const std::string& word) {
  if (const auto saved = resolve_latest(word, results_dir())) return saved->string();
  return word;
}

}  // namespace corebench
