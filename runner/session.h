// Running a list of planned tests one by one, as `run` and `sweep` do: the
// result file is created before the first test and rewritten after every
// run, the progress line kept, Ctrl-C honoured.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "runner/executor.h"
#include "runner/result.h"
#include "runner/topology.h"
#include "runner/verbs/verbs.h"

namespace corebench {

// The exit status of a verb the user interrupted with Ctrl-C.
inline constexpr int kInterruptedExit = 130;

struct Session {
  ResultFile result;
  std::filesystem::path output;
  bool interrupted = false;
};

// `reference` only gives the progress lines their multipliers. Throws
// Error when the result file cannot be written.
Session run_session(const std::vector<PlannedTest>& tests, const RunArgs& args,
                    const Topology& topology, const ResultFile* reference);

// The reference results: --reference FILE, else results/reference/.
std::optional<ResultFile> load_reference(const std::string& path);

}  // namespace corebench
