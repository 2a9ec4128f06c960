#include "workloads/hmmer/posterior_decoding.h"

#include <algorithm>
#include <cmath>

namespace corebench::hmmer {
namespace {

constexpr double kImpossible = -HUGE_VAL;

double log_sum(double a, double b) {
  if (a == kImpossible) return b;
  if (b == kImpossible) return a;
  const double high = std::max(a, b);
  return high + std::log1p(std::exp(std::min(a, b) - high));
}

double log_sum(double a, double b, double c) {
  return log_sum(log_sum(a, b), c);
}

// The special states of one row.
struct Flanks {
  double n = kImpossible, b = kImpossible, e = kImpossible, j = kImpossible, c = kImpossible;
};

// The whole Forward matrix, rows 0..n, columns 0..M.
struct ForwardMatrix {
  int columns = 0;
  std::vector<double> m, i, d;
  std::vector<Flanks> x;
  double at(const std::vector<double>& cells, int row, int k) const {
    return cells[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) +
                 static_cast<std::size_t>(k)];
  }
};

ForwardMatrix forward_matrix(const SearchProfile& p, const std::uint8_t* seq, int n) {
  const int m = p.length;
  ForwardMatrix f;
  f.columns = m + 1;
  const std::size_t cells = static_cast<std::size_t>(n + 1) * static_cast<std::size_t>(m + 1);
  f.m.assign(cells, kImpossible);
  f.i.assign(cells, kImpossible);
  f.d.assign(cells, kImpossible);
  f.x.assign(static_cast<std::size_t>(n) + 1, Flanks{});
  const SpecialMoves& s = p.special;
  f.x[0].n = 0;
  f.x[0].b = s.move;
  for (int r = 1; r <= n; ++r) {
    const std::size_t row = static_cast<std::size_t>(r) * static_cast<std::size_t>(m + 1);
    const std::size_t up = row - static_cast<std::size_t>(m + 1);
    const std::uint8_t x = seq[r - 1];
    const Flanks& before = f.x[static_cast<std::size_t>(r) - 1];
    double e = kImpossible;
    for (int k = 1; k <= m; ++k) {
      const auto kk = static_cast<std::size_t>(k);
      const Transitions& from = p.moves[kk - 1];
      const double into =
          log_sum(log_sum(f.m[up + kk - 1] + from[kMM], f.i[up + kk - 1] + from[kIM]),
                  f.d[up + kk - 1] + from[kDM], before.b + p.begin[kk]);
      f.m[row + kk] = into + p.match[kk][x];
      const Transitions& here = p.moves[kk];
      f.i[row + kk] = log_sum(f.m[up + kk] + here[kMI], f.i[up + kk] + here[kII]);
      f.d[row + kk] = log_sum(f.m[row + kk - 1] + from[kMD], f.d[row + kk - 1] + from[kDD]);
      e = log_sum(e, log_sum(f.m[row + kk], f.d[row + kk]));
    }
    Flanks& now = f.x[static_cast<std::size_t>(r)];
    now.e = e;
    now.j = log_sum(before.j + s.loop, e + s.end_loop);
    now.c = log_sum(before.c + s.loop, e + s.end_move);
    now.n = before.n + s.loop;
    now.b = log_sum(now.n + s.move, now.j + s.move);
  }
  return f;
}

}  // namespace

Posteriors decode(const SearchProfile& p, const std::uint8_t* seq, int n) {
  const int m = p.length;
  const SpecialMoves& s = p.special;
  const ForwardMatrix f = forward_matrix(p, seq, n);
  Posteriors out;
  out.forward = f.x[static_cast<std::size_t>(n)].c + s.move;
  const double total = out.forward;
  const auto rows = static_cast<std::size_t>(n) + 1;
  const auto columns = static_cast<std::size_t>(m) + 1;
  out.core.assign(rows, 0.0);
  out.starts.assign(rows, 0.0);
  out.ends.assign(rows, 0.0);
  out.match_use.assign(columns, 0.0);
  out.insert_use.assign(columns, 0.0);
  // Backward, row n down to row 0, two rows at a time.
  std::vector<double> bm(columns + 1, kImpossible), bi = bm, bd = bm;
  std::vector<double> next_m = bm, next_i = bm;
  Flanks next;
  for (int r = n; r >= 0; --r) {
    Flanks b;
    if (r == n) {
      b.c = s.move;
    } else {
      const std::uint8_t x = seq[r];  // residue r + 1
      double into = kImpossible;
      for (int k = 1; k <= m; ++k)
        into = log_sum(into, p.begin[static_cast<std::size_t>(k)] +
                                 p.match[static_cast<std::size_t>(k)][x] +
                                 next_m[static_cast<std::size_t>(k)]);
      b.b = into;
      b.j = log_sum(next.j + s.loop, b.b + s.move);
      b.c = next.c + s.loop;
      b.n = log_sum(next.n + s.loop, b.b + s.move);
    }
    b.e = log_sum(b.j + s.end_loop, b.c + s.end_move);
    bd[columns] = kImpossible;
    for (int k = m; k >= 1; --k) {
      const auto kk = static_cast<std::size_t>(k);
      const Transitions& t = p.moves[kk];
      const double next_match =
          (r < n && k < m) ? p.match[kk + 1][seq[r]] + next_m[kk + 1] : kImpossible;
      const double next_insert = r < n ? next_i[kk] : kImpossible;
      bd[kk] = log_sum(b.e, t[kDM] + next_match, t[kDD] + bd[kk + 1]);
      bm[kk] =
          log_sum(log_sum(b.e, t[kMM] + next_match), t[kMI] + next_insert, t[kMD] + bd[kk + 1]);
      bi[kk] = log_sum(t[kIM] + next_match, t[kII] + next_insert);
    }
    const Flanks& fx = f.x[static_cast<std::size_t>(r)];
    if (r < n) out.starts[static_cast<std::size_t>(r) + 1] = std::exp(fx.b + b.b - total);
    if (r == 0) {
      out.backward = b.n;
      break;
    }
    const auto rr = static_cast<std::size_t>(r);
    out.ends[rr] = std::exp(fx.e + b.e - total);
    const Flanks& up = f.x[rr - 1];
    const double flank = std::exp(up.n + s.loop + b.n - total) +
                         std::exp(up.j + s.loop + b.j - total) +
                         std::exp(up.c + s.loop + b.c - total);
    out.flank_use += flank;
    double core = 0;
    for (int k = 1; k <= m; ++k) {
      const auto kk = static_cast<std::size_t>(k);
      const double pm = std::exp(f.at(f.m, r, k) + bm[kk] - total);
      const double pi = std::exp(f.at(f.i, r, k) + bi[kk] - total);
      out.match_use[kk] += pm;
      out.insert_use[kk] += pi;
      core += pm + pi;
    }
    out.core[rr] = core;
    std::swap(next_m, bm);
    std::swap(next_i, bi);
    next = b;
  }
  return out;
}

}  // namespace corebench::hmmer
