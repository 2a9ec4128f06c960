#include "workloads/hmmer/posterior_decoding.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace corebench::hmmer {
namespace {

// Divides a row (cells and flanks) by its largest value; returns its log.
double rescale(double* m, double* i, double* d, std::size_t columns, Flanks& x) {
  double top = std::max({x.n, x.b, x.e, x.j, x.c});
  for (std::size_t k = 1; k < columns; ++k) top = std::max({top, m[k], i[k], d[k]});
  if (top <= 0) return 0;
  const double inverse = 1 / top;
  for (std::size_t k = 1; k < columns; ++k) {
    m[k] *= inverse;
    i[k] *= inverse;
    d[k] *= inverse;
  }
  x.n *= inverse;
  x.b *= inverse;
  x.e *= inverse;
  x.j *= inverse;
  x.c *= inverse;
  return std::log(top);
}

}  // namespace

Odds odds_of(const SearchProfile& p) {
  Odds o;
  o.m = p.length;
  const auto size = static_cast<std::size_t>(p.length) + 2;
  o.match.assign(size, {});
  o.moves.assign(size, {});
  o.begin.assign(size, 0.0);
  for (int k = 1; k <= p.length; ++k) {
    const auto kk = static_cast<std::size_t>(k);
    for (int x = 0; x < kCodes; ++x) o.match[kk][x] = std::exp(p.match[kk][x]);
    o.begin[kk] = std::exp(p.begin[kk]);
  }
  for (int k = 0; k <= p.length; ++k)
    for (int t = 0; t < kTransitions; ++t)
      o.moves[static_cast<std::size_t>(k)][t] = std::exp(p.moves[static_cast<std::size_t>(k)][t]);
  o.loop = std::exp(p.special.loop);
  o.move = std::exp(p.special.move);
  o.end_loop = std::exp(p.special.end_loop);
  o.end_move = std::exp(p.special.end_move);
  return o;
}

void forward_matrix(const Odds& o, const std::uint8_t* seq, int n, ForwardMatrix& f) {
  f.columns = static_cast<std::size_t>(o.m) + 1;
  const std::size_t cells = (static_cast<std::size_t>(n) + 1) * f.columns;
  // Every cell is written but row 0 and column 0, which are set to zero.
  f.m.resize(cells);
  f.i.resize(cells);
  f.d.resize(cells);
  for (std::vector<double>* part : {&f.m, &f.i, &f.d}) {
    std::fill_n(part->begin(), f.columns, 0.0);
    for (std::size_t row = f.columns; row < cells; row += f.columns) (*part)[row] = 0;
  }
  f.x.assign(static_cast<std::size_t>(n) + 1, Flanks{});
  f.log_scale.assign(static_cast<std::size_t>(n) + 1, 0.0);
  f.x[0].n = 1;
  f.x[0].b = o.move;
  for (int r = 1; r <= n; ++r) {
    const auto rr = static_cast<std::size_t>(r);
    const std::size_t row = rr * f.columns, up = row - f.columns;
    double *m = f.m.data() + row, *ins = f.i.data() + row, *d = f.d.data() + row;
    const double *pm = f.m.data() + up, *pi = f.i.data() + up, *pd = f.d.data() + up;
    const std::uint8_t x = seq[r - 1];
    const Flanks& before = f.x[rr - 1];
    double e = 0;
    for (std::size_t k = 1; k < f.columns; ++k) {
      const auto& from = o.moves[k - 1];
      const auto& here = o.moves[k];
      m[k] = (pm[k - 1] * from[kMM] + pi[k - 1] * from[kIM] + pd[k - 1] * from[kDM] +
              before.b * o.begin[k]) *
             o.match[k][x];
      ins[k] = pm[k] * here[kMI] + pi[k] * here[kII];
      d[k] = m[k - 1] * from[kMD] + d[k - 1] * from[kDD];
      e += m[k] + d[k];
    }
    Flanks& now = f.x[rr];
    now.e = e;
    now.j = before.j * o.loop + e * o.end_loop;
    now.c = before.c * o.loop + e * o.end_move;
    now.n = before.n * o.loop;
    now.b = (now.n + now.j) * o.move;
    f.log_scale[rr] = f.log_scale[rr - 1] + rescale(m, ins, d, f.columns, now);
  }
}

Posteriors decode(const SearchProfile& p, const std::uint8_t* seq, int n,
                  ForwardMatrix& workspace) {
  const Odds o = odds_of(p);
  forward_matrix(o, seq, n, workspace);
  const ForwardMatrix& f = workspace;
  const std::size_t columns = f.columns;
  const auto last = static_cast<std::size_t>(n);
  Posteriors out;
  out.forward = std::log(f.x[last].c * o.move) + f.log_scale[last];
  const double total = out.forward;
  const auto rows = last + 1;
  out.core.assign(rows, 0.0);
  out.starts.assign(rows, 0.0);
  out.ends.assign(rows, 0.0);
  out.match_use.assign(columns, 0.0);
  out.insert_use.assign(columns, 0.0);
  // Backward, row n down to row 0, two rows at a time, each scaled;
  // later_scale is the log of the scale factors of rows r+1..n.
  std::vector<double> bm(columns + 1, 0.0), bi = bm, bd = bm, next_m = bm, next_i = bm;
  Flanks next;
  double later_scale = 0;
  for (int r = n; r >= 0; --r) {
    const auto rr = static_cast<std::size_t>(r);
    Flanks b;
    if (r == n) {
      b.c = o.move;
    } else {
      const std::uint8_t x = seq[r];  // residue r + 1
      double into = 0;
      for (std::size_t k = 1; k < columns; ++k) into += o.begin[k] * o.match[k][x] * next_m[k];
      b.b = into;
      b.j = next.j * o.loop + b.b * o.move;
      b.c = next.c * o.loop;
      b.n = next.n * o.loop + b.b * o.move;
    }
    b.e = b.j * o.end_loop + b.c * o.end_move;
    bd[columns] = 0;
    for (std::size_t k = columns - 1; k >= 1; --k) {
      const auto& t = o.moves[k];
      const double next_match =
          (r < n && k + 1 < columns) ? o.match[k + 1][seq[r]] * next_m[k + 1] : 0;
      const double next_insert = r < n ? next_i[k] : 0;
      bd[k] = b.e + t[kDM] * next_match + t[kDD] * bd[k + 1];
      bm[k] = b.e + t[kMM] * next_match + t[kMI] * next_insert + t[kMD] * bd[k + 1];
      bi[k] = t[kIM] * next_match + t[kII] * next_insert;
    }
    const double scale = rescale(bm.data(), bi.data(), bd.data(), columns, b);
    // Forward's row r times Backward's row r, over P: their scale factors.
    const double here = std::exp(f.log_scale[rr] + later_scale + scale - total);
    const Flanks& fx = f.x[rr];
    if (r < n) out.starts[rr + 1] = fx.b * b.b * here;
    if (r == 0) {
      out.backward = std::log(b.n) + later_scale + scale;
      break;
    }
    out.ends[rr] = fx.e * b.e * here;
    // A residue emitted by N, J or C: Forward's row r-1, Backward's row r.
    const Flanks& up = f.x[rr - 1];
    const double across = std::exp(f.log_scale[rr - 1] + later_scale + scale - total);
    out.flank_use += (up.n * b.n + up.j * b.j + up.c * b.c) * o.loop * across;
    const double* fm = f.m.data() + rr * columns;
    const double* fi = f.i.data() + rr * columns;
    double core = 0;
    for (std::size_t k = 1; k < columns; ++k) {
      const double pm = fm[k] * bm[k] * here;
      const double pi = fi[k] * bi[k] * here;
      out.match_use[k] += pm;
      out.insert_use[k] += pi;
      core += pm + pi;
    }
    out.core[rr] = core;
    later_scale += scale;
    std::swap(next_m, bm);
    std::swap(next_i, bi);
    next = b;
  }
  return out;
}

}  // namespace corebench::hmmer
