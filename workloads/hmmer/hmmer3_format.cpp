#include "workloads/hmmer/hmmer3_format.h"

#include <fmt/format.h>

#include <cmath>

#include "workloads/hmmer/model_header.h"

namespace corebench::hmmer {
namespace {

double probability(const TextLines& lines, const std::string& field, const std::string& what) {
  if (field == "*") return 0;
  const double cost = number_field(lines, field, what);
  if (cost < 0) lines.fail(fmt::format("{}: {} is a negative -log probability", what, field));
  return std::exp(-cost);
}

// `count` probabilities from `fields`, starting at `first`.
template <typename Array>
void read_probabilities(const TextLines& lines, const std::vector<std::string>& fields,
                        std::size_t first, Array& values, const std::string& what) {
  if (fields.size() < first + values.size())
    lines.fail(
        fmt::format("{}: {} values, expected {}", what, fields.size() - first, values.size()));
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = probability(lines, fields[first + i], what);
}

void read_stats(const TextLines& lines, const std::vector<std::string>& fields,
                Calibration& stats) {
  if (fields.size() != 5 || fields[1] != "LOCAL")
    lines.fail("STATS: expected 'STATS LOCAL MSV|VITERBI|FORWARD mu lambda'");
  const double location = number_field(lines, fields[3], "STATS location");
  const double slope = number_field(lines, fields[4], "STATS lambda");
  if (fields[2] == "MSV") {
    stats.msv_mu = location;
    stats.msv_lambda = slope;
  } else if (fields[2] == "VITERBI") {
    stats.viterbi_mu = location;
    stats.viterbi_lambda = slope;
  } else if (fields[2] == "FORWARD") {
    stats.forward_tau = location;
    stats.forward_lambda = slope;
  } else {
    lines.fail("STATS: unknown score '" + fields[2] + "'");
  }
}

struct Header {
  ModelHeader common;
  int stats_lines = 0;
  Calibration stats;
};

Header read_header(TextLines& lines) {
  Header header;
  header.common = read_model_header(lines, "amino", [&](const std::vector<std::string>& fields) {
    if (fields[0] != "STATS") return;
    read_stats(lines, fields, header.stats);
    ++header.stats_lines;
  });
  if (header.stats_lines == 3) header.common.hmm.calibration = header.stats;
  return header;
}

void read_node(TextLines& lines, Node& node, int k, bool with_match) {
  const std::string where = fmt::format("node {}", k);
  if (with_match) {
    const auto fields = lines.next_fields(where + " match emissions");
    if (fields.empty() || integer_field(lines, fields[0], where) != k)
      lines.fail(fmt::format("expected the match emissions of node {}", k));
    read_probabilities(lines, fields, 1, node.match, where + " match emissions");
  }
  read_probabilities(lines, lines.next_fields(where + " insert emissions"), 0, node.insert,
                     where + " insert emissions");
  read_probabilities(lines, lines.next_fields(where + " transitions"), 0, node.out,
                     where + " transitions");
}

}  // namespace

Hmm read_hmmer3_model(TextLines& lines) {
  Header header = read_header(lines);
  lines.next_fields("the transition labels after HMM");
  Hmm hmm = std::move(header.common.hmm);
  const int length = header.common.length;
  hmm.nodes.resize(static_cast<std::size_t>(length) + 1);
  // COMPO is optional; when present the node-0 insert line follows it.
  auto fields = lines.next_fields("node 0");
  if (!fields.empty() && fields[0] == "COMPO") {
    Frequencies composition{};
    read_probabilities(lines, fields, 1, composition, "COMPO");
    hmm.composition = composition;
    fields = lines.next_fields("node 0");
  }
  read_probabilities(lines, fields, 0, hmm.nodes[0].insert, "node 0 insert emissions");
  read_probabilities(lines, lines.next_fields("node 0 transitions"), 0, hmm.nodes[0].out,
                     "node 0 transitions");
  for (int k = 1; k <= length; ++k) read_node(lines, hmm.nodes[k], k, true);
  const auto end = lines.next_fields("'//' after the last node");
  if (end.empty() || end[0] != "//") lines.fail("expected '//' after the last node");
  normalise(hmm);
  return hmm;
}

}  // namespace corebench::hmmer
