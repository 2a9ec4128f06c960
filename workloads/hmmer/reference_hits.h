// The built-in case's hits as Debian's hmmsearch 3.3.2 reported them
// (reference/builtin.tbl, made by scripts/make-hmmer-reference), and the
// comparison of a run's hits with them: the same (target, query) pairs,
// scores and biases within the table's printed precision, E-values within
// their two printed digits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/search_pipeline.h"
#include "workloads/hmmer/sequence.h"

namespace corebench::hmmer {

// The built-in case the reference is for: these options, all else default.
inline constexpr int kReferenceCount = 100;
inline constexpr std::uint64_t kReferenceSeed = 1;

struct TableRow {
  std::string target, query;
  double evalue = 0, score = 0, bias = 0;
  double best_evalue = 0, best_score = 0, best_bias = 0;
};

// The rows of a --tblout text ('#' lines skipped); throws InputError
// naming `file` and the line of a row with too few or non-numeric fields.
std::vector<TableRow> read_hits_table(std::string_view text, const std::string& file);

// The rows a run's hits make.
std::vector<TableRow> hit_rows(const std::vector<Hmm>& models,
                               const std::vector<ModelSearch>& searches,
                               const std::vector<Sequence>& targets);

// Empty when `ours` matches `reference`, else the first difference.
std::string compare_hits(const std::vector<TableRow>& ours, const std::vector<TableRow>& reference);

// The stored reference, built into the program.
const std::vector<TableRow>& builtin_reference();

}  // namespace corebench::hmmer
