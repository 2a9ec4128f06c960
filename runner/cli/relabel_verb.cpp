#include <fmt/format.h>

#include "runner/cli/verbs.h"
#include "runner/common/error.h"
#include "runner/results/result.h"

namespace corebench {

// Reads and writes the whole file (atomically, as a run does), so a file
// that is not a result file is refused before anything is written.
int relabel_verb(const RelabelArgs& args) {
  if (args.label.empty()) throw Error(fmt::format("{}: the new label is empty", args.file));
  ResultFile result = read_result_file(args.file);
  const std::string old = result.label;
  result.label = args.label;
  write_result_file(args.file, result);
  fmt::print("{}: label '{}' (was '{}')\n", args.file, result.label, old);
  return 0;
}

}  // namespace corebench
