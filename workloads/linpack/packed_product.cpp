#include "workloads/linpack/packed_product.h"

#include <algorithm>
#include <vector>

namespace corebench::linpack {
namespace {

using Eigen::Index;
using Packet = Eigen::internal::packet_traits<double>::type;
constexpr int kPacket = Eigen::internal::packet_traits<double>::size;
constexpr int kTilePackets = 3;
// The register tile: kTilePackets x kTileCols accumulators plus the packets
// of A and one broadcast of B must fit the vector registers.
constexpr int kTileRows = kTilePackets * kPacket;
constexpr int kTileCols = EIGEN_ARCH_DEFAULT_NUMBER_OF_REGISTERS >= 32 ? 8 : 4;
// Depth of one pass over C: a kc x kTileCols micro-panel of B (16 KiB) stays
// in L1 while the tiles of a column of C go by.
constexpr Index kDepth = 256;

using PackedBuffer = std::vector<double, Eigen::aligned_allocator<double>>;

// Rows of the block of A packed at a time: it takes half of L2, the rest is
// for B's micro-panel and C's tiles.
Index row_block() {
  static const Index rows =
      std::max<Index>(kTileRows, Eigen::l2CacheSize() / 2 / (kDepth * Index{sizeof(double)}) /
                                     kTileRows * kTileRows);
  return rows;
}

// c(rows x cols) -= a(rows x depth, kTileRows-row packed) * b(depth x cols,
// kTileCols-column packed). Full tiles go straight to C; edge tiles through
// a buffer, with the same arithmetic.
void tile_kernel(Index depth, const double* a, const double* b, double* c, Index ldc, Index rows,
                 Index cols) {
  using namespace Eigen::internal;
  Packet acc[kTilePackets][kTileCols];
  for (auto& row : acc)
    for (Packet& p : row) p = pset1<Packet>(0.0);
  for (Index k = 0; k < depth; ++k, a += kTileRows, b += kTileCols) {
    Packet a_k[kTilePackets];
    for (int i = 0; i < kTilePackets; ++i) a_k[i] = pload<Packet>(a + i * kPacket);
#pragma GCC unroll 8
    for (int j = 0; j < kTileCols; ++j) {
      const Packet b_kj = pset1<Packet>(b[j]);
      for (int i = 0; i < kTilePackets; ++i) acc[i][j] = pmadd(a_k[i], b_kj, acc[i][j]);
    }
  }
  if (rows == kTileRows && cols == kTileCols) {
    for (int j = 0; j < kTileCols; ++j)
      for (int i = 0; i < kTilePackets; ++i) {
        double* target = c + j * ldc + i * kPacket;
        pstoreu(target, psub(ploadu<Packet>(target), acc[i][j]));
      }
    return;
  }
  alignas(EIGEN_MAX_ALIGN_BYTES) double tile[kTileCols][kTileRows];
  for (int j = 0; j < kTileCols; ++j)
    for (int i = 0; i < kTilePackets; ++i) pstore(&tile[j][i * kPacket], acc[i][j]);
  for (Index j = 0; j < cols; ++j)
    for (Index i = 0; i < rows; ++i) c[j * ldc + i] -= tile[j][i];
}

// Packs a(rows x depth) into kTileRows-row micro-panels, k by k, padding the
// last with zeros.
void pack_a(const double* a, Index lda, Index rows, Index depth, double* out) {
  for (Index top = 0; top < rows; top += kTileRows) {
    const Index height = std::min<Index>(kTileRows, rows - top);
    for (Index k = 0; k < depth; ++k, out += kTileRows) {
      std::copy_n(a + k * lda + top, height, out);
      std::fill(out + height, out + kTileRows, 0.0);
    }
  }
}

// Packs b(depth x cols) into kTileCols-column micro-panels, k by k, padding
// the last with zeros.
void pack_b(const double* b, Index ldb, Index depth, Index cols, double* out) {
  for (Index left = 0; left < cols; left += kTileCols) {
    const Index width = std::min<Index>(kTileCols, cols - left);
    for (Index k = 0; k < depth; ++k, out += kTileCols) {
      for (Index j = 0; j < width; ++j) out[j] = b[(left + j) * ldb + k];
      std::fill(out + width, out + kTileCols, 0.0);
    }
  }
}

}  // namespace

void subtract_product(Eigen::Ref<Eigen::MatrixXd> c, const Eigen::Ref<const Eigen::MatrixXd>& a,
                      const Eigen::Ref<const Eigen::MatrixXd>& b) {
  const Index rows = c.rows(), cols = c.cols(), depth = a.cols();
  if (rows == 0 || cols == 0 || depth == 0) return;
  const Index block_rows = row_block();
  // Every thread packs into its own buffers, kept from call to call.
  thread_local PackedBuffer packed_a, packed_b;
  packed_a.resize(static_cast<std::size_t>(kDepth * (block_rows + kTileRows)));
  packed_b.resize(
      static_cast<std::size_t>(kDepth * ((cols + kTileCols - 1) / kTileCols) * kTileCols));
  for (Index k0 = 0; k0 < depth; k0 += kDepth) {
    const Index kc = std::min(kDepth, depth - k0);
    pack_b(b.data() + k0, b.outerStride(), kc, cols, packed_b.data());
    for (Index i0 = 0; i0 < rows; i0 += block_rows) {
      const Index mc = std::min(block_rows, rows - i0);
      pack_a(a.data() + k0 * a.outerStride() + i0, a.outerStride(), mc, kc, packed_a.data());
      for (Index j = 0; j < cols; j += kTileCols)
        for (Index i = 0; i < mc; i += kTileRows)
          tile_kernel(kc, packed_a.data() + i * kc, packed_b.data() + j * kc, &c(i0 + i, j),
                      c.outerStride(), std::min<Index>(kTileRows, mc - i),
                      std::min<Index>(kTileCols, cols - j));
    }
  }
}

}  // namespace corebench::linpack
