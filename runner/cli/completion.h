// Shell completion: what may come next on a corebench command line, read
// from the CLI's own definition (verbs, options, their choices), the
// workload registry (ids, option names, choices), the suites and machine
// profiles on the search path, and this machine's CPU-set names. The
// bash script (share/bash-completion/corebench) asks `corebench complete`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "workloads/registry.h"

namespace corebench {

// `words`: the command line after "corebench", the last being the word
// under the cursor (empty after a space). The candidates for that word,
// each a whole word; none where a file name belongs (the shell completes
// those).
std::vector<std::string> complete_words(const CLI::App& app, const Registry& registry,
                                        const std::vector<std::string>& words);

}  // namespace corebench
