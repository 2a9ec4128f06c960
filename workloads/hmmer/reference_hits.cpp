#include "workloads/hmmer/reference_hits.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "workloads/hmmer/reference_table.h"
#include "workloads/hmmer/text_lines.h"

namespace corebench::hmmer {
namespace {

// Scores are printed to 0.1 bits (our double DP against HMMER's float).
constexpr double kScoreBits = 0.11;
// E-values to two digits: 0.05 in log10 is about 12 %.
constexpr double kLog10Evalue = 0.05;

bool near_evalue(double a, double b) {
  if (a <= 0 || b <= 0) return a == b;
  return std::abs(std::log10(a) - std::log10(b)) <= kLog10Evalue;
}

std::string describe(const TableRow& r) {
  return fmt::format(
      "{} / {}: E {:.2g}, score {:.1f}, bias {:.1f}, best domain E {:.2g}, "
      "score {:.1f}, bias {:.1f}",
      r.target, r.query, r.evalue, r.score, r.bias, r.best_evalue, r.best_score, r.best_bias);
}

bool same(const TableRow& a, const TableRow& b) {
  return std::abs(a.score - b.score) <= kScoreBits && std::abs(a.bias - b.bias) <= kScoreBits &&
         std::abs(a.best_score - b.best_score) <= kScoreBits &&
         std::abs(a.best_bias - b.best_bias) <= kScoreBits && near_evalue(a.evalue, b.evalue) &&
         near_evalue(a.best_evalue, b.best_evalue);
}

}  // namespace

std::vector<TableRow> read_hits_table(std::string_view text, const std::string& file) {
  std::vector<TableRow> rows;
  std::istringstream in{std::string(text)};
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    TableRow row;
    std::string target_accession, query_accession;
    fields >> row.target >> target_accession >> row.query >> query_accession >> row.evalue >>
        row.score >> row.bias >> row.best_evalue >> row.best_score >> row.best_bias;
    if (!fields)
      throw InputError(
          fmt::format("{}:{}: expected the ten first columns of --tblout", file, number));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<TableRow> hit_rows(const std::vector<Hmm>& models,
                               const std::vector<ModelSearch>& searches,
                               const std::vector<Sequence>& targets) {
  std::vector<TableRow> rows;
  for (std::size_t m = 0; m < models.size(); ++m)
    for (const Hit& hit : searches[m].hits)
      rows.push_back({targets[hit.target].name, models[m].name, hit.evalue, hit.score, hit.bias,
                      hit.best_evalue, hit.best.score, hit.best.bias});
  return rows;
}

std::string compare_hits(const std::vector<TableRow>& ours,
                         const std::vector<TableRow>& reference) {
  const auto find = [](const std::vector<TableRow>& rows, const TableRow& key) {
    return std::find_if(rows.begin(), rows.end(), [&](const TableRow& r) {
      return r.target == key.target && r.query == key.query;
    });
  };
  for (const TableRow& theirs : reference) {
    const auto mine = find(ours, theirs);
    if (mine == ours.end()) return "hmmsearch's hit " + describe(theirs) + " is missing";
    if (!same(*mine, theirs))
      return "hit " + describe(*mine) + " differs from hmmsearch's " + describe(theirs);
  }
  for (const TableRow& mine : ours)
    if (find(reference, mine) == reference.end())
      return "hit " + describe(mine) + " is not in hmmsearch's list";
  return {};
}

const std::vector<TableRow>& builtin_reference() {
  static const std::vector<TableRow> rows = [] {
    const auto bytes = reference_table();
    return read_hits_table(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()),
        "workloads/hmmer/reference/builtin.tbl");
  }();
  return rows;
}

}  // namespace corebench::hmmer
