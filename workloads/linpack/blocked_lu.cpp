#include "workloads/linpack/blocked_lu.h"

#include <omp.h>

#include <Eigen/Dense>
#include <algorithm>
#include <utility>
#include <vector>

#include "workloads/linpack/packed_product.h"

namespace corebench::linpack {
namespace {

using Eigen::Index;
using MatrixRef = Eigen::Ref<Eigen::MatrixXd>;

// Below this width a panel is factored column by column; above it, by halves.
constexpr Index kPanelLeafWidth = 8;
// Strip widths are multiples of this, so that the kernels of Eigen's triangular
// solve meet every column in the same position whatever the strip layout (the
// packed product rounds the same for any layout): the answer is then bit for
// bit the same for every thread count.
constexpr Index kStripGranule = 8;
// Trailing strips per thread and step: more balances better, fewer repack the
// panel less often.
constexpr Index kStripsPerThread = 2;

// Swaps row i with row pivots[i] (both relative to the top of `a`) for i in
// [0, count), column by column so that each column is touched while it is in
// cache.
void swap_rows(MatrixRef a, const Index* pivots, Index count) {
  for (Index c = 0; c < a.cols(); ++c) {
    double* column = &a(0, c);
    for (Index i = 0; i < count; ++i) std::swap(column[i], column[pivots[i]]);
  }
}

// Unblocked right-looking LU of a narrow panel.
void factor_leaf(MatrixRef p, Index* pivots) {
  const Index m = p.rows(), w = p.cols();
  for (Index j = 0; j < w; ++j) {
    Index row;
    p.col(j).tail(m - j).cwiseAbs().maxCoeff(&row);
    row += j;
    pivots[j] = row;
    if (row != j) p.row(j).swap(p.row(row));
    // A zero pivot leaves the column as it is: the matrix is singular and
    // the residual check will say so.
    if (p(j, j) != 0.0) p.col(j).tail(m - j - 1) /= p(j, j);
    p.bottomRightCorner(m - j - 1, w - j - 1).noalias() -=
        p.col(j).tail(m - j - 1) * p.row(j).tail(w - j - 1);
  }
}

// Recursive LU of the tall panel `p` (LAPACK's dgetrf2 scheme): most of its
// work becomes matrix products instead of rank-1 updates.
void factor_panel(MatrixRef p, Index* pivots) {
  const Index m = p.rows(), w = p.cols();
  if (w <= kPanelLeafWidth) return factor_leaf(p, pivots);
  const Index h = w / 2;
  factor_panel(p.leftCols(h), pivots);
  swap_rows(p.rightCols(w - h), pivots, h);
  p.topLeftCorner(h, h).triangularView<Eigen::UnitLower>().solveInPlace(p.topRightCorner(h, w - h));
  subtract_product(p.bottomRightCorner(m - h, w - h), p.bottomLeftCorner(m - h, h),
                   p.topRightCorner(h, w - h));
  factor_panel(p.bottomRightCorner(m - h, w - h), pivots + h);
  swap_rows(p.bottomLeftCorner(m - h, h), pivots + h, w - h);
  for (Index i = h; i < w; ++i) pivots[i] += h;
}

struct Strip {
  Index begin, end;  // columns
};

// The columns right of panel k that step k updates. With several threads:
// first the next panel on its own, so that it can be factored while the rest
// is still updating (HPL's look-ahead), then the rest in strips for the
// threads to share. One thread gains nothing from look-ahead, and every extra
// strip packs the panel for the product again: it takes one strip.
std::vector<Strip> trailing_strips(Index next, Index panel_end, Index rows, Index cols, Index block,
                                   int threads) {
  // The last panel takes b along: b alone would meet Eigen's triangular solve
  // in a one-column call, whose blocking and so rounding differ.
  if (threads == 1 || panel_end == rows) return {{next, cols}};
  std::vector<Strip> strips{{next, panel_end}};
  const Index rest = cols - panel_end;
  const Index wanted = std::max(block, rest / (kStripsPerThread * threads));
  const Index width = (wanted + kStripGranule - 1) / kStripGranule * kStripGranule;
  for (Index begin = panel_end; begin < cols;) {
    // A narrow last strip joins the one before it.
    const Index end = cols - (begin + width) < width / 2 ? cols : begin + width;
    strips.push_back({begin, end});
    begin = end;
  }
  return strips;
}

}  // namespace

void factor_augmented(MatrixRef ab, Index block) {
  const Index n = ab.rows(), cols = ab.cols();
  std::vector<Index> pivots(static_cast<std::size_t>(n));
  const auto factor_panel_at = [&](Index k) {
    factor_panel(ab.block(k, k, n - k, std::min(block, n - k)), pivots.data() + k);
  };
  const int threads = omp_get_max_threads();
  // Inside the parallel region every product and solve runs on its own
  // thread: the threads share the work by strips, not inside one product.
#pragma omp parallel
  {
#pragma omp single
    factor_panel_at(0);
    for (Index k = 0; k < n; k += block) {
      const Index width = std::min(block, n - k), next = k + width;
      const Index* step_pivots = pivots.data() + k;
      const auto strips = trailing_strips(next, std::min(n, next + block), n, cols, block, threads);
      const auto l11 = ab.block(k, k, width, width).triangularView<Eigen::UnitLower>();
      const auto l21 = ab.block(next, k, n - next, width);
#pragma omp for schedule(dynamic, 1)
      for (std::size_t s = 0; s < strips.size(); ++s) {
        const Index begin = strips[s].begin, count = strips[s].end - begin;
        swap_rows(ab.block(k, begin, n - k, count), step_pivots, width);
        auto u12 = ab.block(k, begin, width, count);
        l11.solveInPlace(u12);
        subtract_product(ab.block(next, begin, n - next, count), l21, u12);
        if (begin == next && next < n) factor_panel_at(next);
      }
    }
  }
}

void back_substitute(const Eigen::Ref<const Eigen::MatrixXd>& ab, Eigen::Ref<Eigen::VectorXd> x) {
  const Index n = ab.rows();
  x = ab.col(n);
  ab.leftCols(n).triangularView<Eigen::Upper>().solveInPlace(x);
}

}  // namespace corebench::linpack
