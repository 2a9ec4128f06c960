#include "workloads/hmmer/generic_dp.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace corebench::hmmer {
namespace {

constexpr double kImpossible = -HUGE_VAL;

// The two ways scores combine: the best path, or the sum of all paths.
struct Best {
  static double join(double a, double b) { return std::max(a, b); }
};
struct Sum {
  static double join(double a, double b) {
    if (a == kImpossible) return b;
    if (b == kImpossible) return a;
    const double high = std::max(a, b);
    return high + std::log1p(std::exp(std::min(a, b) - high));
  }
};

// The flanking states N, B, J, C after a row.
struct Specials {
  double n = 0;
  double b = kImpossible;
  double j = kImpossible;
  double c = kImpossible;
};

template <typename Join>
void advance_specials(const SpecialMoves& s, double e, Specials& x) {
  x.j = Join::join(x.j + s.loop, e + s.end_loop);
  x.c = Join::join(x.c + s.loop, e + s.end_move);
  x.n = x.n + s.loop;
  x.b = Join::join(x.n + s.move, x.j + s.move);
}

struct Row {
  std::vector<double> m, i, d;
  explicit Row(int length)
      : m(static_cast<std::size_t>(length) + 1, kImpossible),
        i(static_cast<std::size_t>(length) + 1, kImpossible),
        d(static_cast<std::size_t>(length) + 1, kImpossible) {}
};

template <typename Join>
double full_model(const SearchProfile& p, const Residues& sequence) {
  const int m = p.length;
  Row previous(m), row(m);
  Specials x;
  x.b = x.n + p.special.move;
  for (std::uint8_t residue : sequence) {
    double e = kImpossible;
    for (int k = 1; k <= m; ++k) {
      const Transitions& from = p.moves[k - 1];
      double into = previous.m[k - 1] + from[kMM];
      into = Join::join(into, previous.i[k - 1] + from[kIM]);
      into = Join::join(into, previous.d[k - 1] + from[kDM]);
      into = Join::join(into, x.b + p.begin[k]);
      row.m[k] = into + p.match[k][residue];
      const Transitions& here = p.moves[k];
      row.i[k] = Join::join(previous.m[k] + here[kMI], previous.i[k] + here[kII]);
      row.d[k] = Join::join(row.m[k - 1] + from[kMD], row.d[k - 1] + from[kDD]);
      e = Join::join(e, Join::join(row.m[k], row.d[k]));
    }
    row.m[0] = row.i[0] = row.d[0] = kImpossible;
    advance_specials<Join>(p.special, e, x);
    std::swap(previous, row);
  }
  return x.c + p.special.move;
}

}  // namespace

double generic_msv(const SearchProfile& p, const Residues& sequence) {
  const int m = p.length;
  const double entry = p.msv_entry;
  std::vector<double> previous(static_cast<std::size_t>(m) + 1, kImpossible);
  std::vector<double> row = previous;
  Specials x;
  x.b = x.n + p.special.move;
  for (std::uint8_t residue : sequence) {
    double e = kImpossible;
    for (int k = 1; k <= m; ++k) {
      row[k] = std::max(previous[k - 1], x.b + entry) + p.match[k][residue];
      e = std::max(e, row[k]);
    }
    advance_specials<Best>(p.special, e, x);
    std::swap(previous, row);
  }
  return x.c + p.special.move;
}

double generic_viterbi(const SearchProfile& profile, const Residues& sequence) {
  return full_model<Best>(profile, sequence);
}

double generic_forward(const SearchProfile& profile, const Residues& sequence) {
  return full_model<Sum>(profile, sequence);
}

double bit_score(double raw_nats, int length) {
  return (raw_nats - null_score(length)) / std::numbers::ln2;
}

}  // namespace corebench::hmmer
