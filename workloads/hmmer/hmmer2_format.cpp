#include "workloads/hmmer/hmmer2_format.h"

#include <fmt/format.h>

#include <cmath>

#include "workloads/hmmer/model_header.h"

namespace corebench::hmmer {
namespace {

// HMMER 2 scores are integers in thousandths of a bit.
constexpr double kScoreScale = 1000.0;

double score_field(const TextLines& lines, const std::string& field, const std::string& what) {
  if (field == "*") return -HUGE_VAL;
  return integer_field(lines, field, what);
}

double odds(double score) {
  return std::isinf(score) ? 0.0 : std::exp2(score / kScoreScale);
}

std::vector<std::string> fields_at_least(TextLines& lines, std::size_t count,
                                         const std::string& what) {
  auto fields = lines.next_fields(what);
  if (fields.size() < count)
    lines.fail(fmt::format("{}: {} values, expected {}", what, fields.size(), count));
  return fields;
}

// Emissions are log-odds against the file's null model.
void read_emissions(const TextLines& lines, const std::vector<std::string>& fields,
                    const Frequencies& null, Frequencies& emissions, const std::string& what) {
  for (int x = 0; x < kResidues; ++x)
    emissions[x] = null[x] * odds(score_field(lines, fields[1 + x], what));
}

struct Header {
  ModelHeader common;
  Frequencies null{};
  bool has_null = false;
};

Header read_header(TextLines& lines) {
  Header header;
  header.common = read_model_header(lines, "Amino", [&](const std::vector<std::string>& fields) {
    if (fields[0] != "NULE") return;
    if (fields.size() != 1 + kResidues) lines.fail("NULE: expected 20 scores");
    for (int x = 0; x < kResidues; ++x)
      header.null[x] = odds(score_field(lines, fields[1 + x], "NULE")) / kResidues;
    header.has_null = true;
  });
  if (!header.has_null) lines.fail("no NULE line (the null model) before HMM");
  return header;
}

void read_node(TextLines& lines, const Frequencies& null, Node& node, int k) {
  const std::string where = fmt::format("node {}", k);
  const auto match = fields_at_least(lines, 1 + kResidues, where + " match emissions");
  if (integer_field(lines, match[0], where) != k)
    lines.fail(fmt::format("expected the match emissions of node {}", k));
  read_emissions(lines, match, null, node.match, where);
  const auto insert = fields_at_least(lines, 1 + kResidues, where + " insert emissions");
  read_emissions(lines, insert, null, node.insert, where);
  // mm mi md im ii dm dd, then HMMER 2's own local entry and exit (b->m,
  // m->e), which HMMER 3 does not keep: it configures its own.
  const auto out = fields_at_least(lines, 1 + kTransitions + 2, where + " transitions");
  for (int t = 0; t < kTransitions; ++t)
    node.out[t] = odds(score_field(lines, out[1 + t], where + " transitions"));
}

// The node at the end has no insert state and no next node.
void close_last_node(Node& node) {
  node.insert = background_frequencies();
  node.out = {1, 0, 0, 1, 0, 1, 0};
}

}  // namespace

Hmm read_hmmer2_model(TextLines& lines) {
  Header header = read_header(lines);
  lines.next_fields("the transition labels after HMM");
  Hmm hmm = std::move(header.common.hmm);
  const int length = header.common.length;
  hmm.nodes.resize(static_cast<std::size_t>(length) + 1);
  // B -> M1, B -> I0 (none in HMMER 2), B -> D1.
  const auto begin = fields_at_least(lines, 3, "the begin transitions");
  Node& first = hmm.nodes[0];
  first.out[kMM] = odds(score_field(lines, begin[0], "the begin transitions"));
  first.out[kMI] = 0;
  first.out[kMD] = odds(score_field(lines, begin[2], "the begin transitions"));
  first.out[kIM] = 1;
  first.out[kDM] = 1;
  first.insert = background_frequencies();
  for (int k = 1; k <= length; ++k) read_node(lines, header.null, hmm.nodes[k], k);
  close_last_node(hmm.nodes.back());
  const auto end = lines.next_fields("'//' after the last node");
  if (end.empty() || end[0] != "//") lines.fail("expected '//' after the last node");
  normalise(hmm);
  return hmm;
}

}  // namespace corebench::hmmer
