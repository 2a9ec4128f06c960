// Geometry of one hexahedral element from its 8 corner nodes: volume, the
// Jacobian's cofactors, face-area normals, volume derivatives and
// characteristic length. Every formula keeps LULESH 2.0's order of floating
// point operations so that the answers match it to the last bit on the same
// compiler.
#pragma once

#include <cmath>

#include "workloads/lulesh/parameters.h"

namespace corebench::lulesh {

// Coordinates (or velocities) of an element's 8 corners.
struct Hex {
  Real x[8];
  Real y[8];
  Real z[8];
};

[[gnu::always_inline]] inline Real triple_product(Real x1, Real y1, Real z1, Real x2, Real y2,
                                                  Real z2, Real x3, Real y3, Real z3) {
  return x1 * (y2 * z3 - z2 * y3) + x2 * (z1 * y3 - y1 * z3) + x3 * (y1 * z2 - z1 * y2);
}

// Exact volume of a hexahedron with planar or warped faces.
[[gnu::always_inline]] inline Real hex_volume(const Hex& h) {
  const Real* x = h.x;
  const Real* y = h.y;
  const Real* z = h.z;
  const Real dx61 = x[6] - x[1], dy61 = y[6] - y[1], dz61 = z[6] - z[1];
  const Real dx70 = x[7] - x[0], dy70 = y[7] - y[0], dz70 = z[7] - z[0];
  const Real dx63 = x[6] - x[3], dy63 = y[6] - y[3], dz63 = z[6] - z[3];
  const Real dx20 = x[2] - x[0], dy20 = y[2] - y[0], dz20 = z[2] - z[0];
  const Real dx50 = x[5] - x[0], dy50 = y[5] - y[0], dz50 = z[5] - z[0];
  const Real dx64 = x[6] - x[4], dy64 = y[6] - y[4], dz64 = z[6] - z[4];
  const Real dx31 = x[3] - x[1], dy31 = y[3] - y[1], dz31 = z[3] - z[1];
  const Real dx72 = x[7] - x[2], dy72 = y[7] - y[2], dz72 = z[7] - z[2];
  const Real dx43 = x[4] - x[3], dy43 = y[4] - y[3], dz43 = z[4] - z[3];
  const Real dx57 = x[5] - x[7], dy57 = y[5] - y[7], dz57 = z[5] - z[7];
  const Real dx14 = x[1] - x[4], dy14 = y[1] - y[4], dz14 = z[1] - z[4];
  const Real dx25 = x[2] - x[5], dy25 = y[2] - y[5], dz25 = z[2] - z[5];

  const Real volume =
      triple_product(dx31 + dx72, dx63, dx20, dy31 + dy72, dy63, dy20, dz31 + dz72, dz63, dz20) +
      triple_product(dx43 + dx57, dx64, dx70, dy43 + dy57, dy64, dy70, dz43 + dz57, dz64, dz70) +
      triple_product(dx14 + dx25, dx61, dx50, dy14 + dy25, dy61, dy50, dz14 + dz25, dz61, dz50);
  return volume * (Real(1.0) / Real(12.0));
}

// Partial derivatives of the trilinear shape functions at the element
// centre. Only corners 0-3 are stored: by symmetry corners 6, 7, 4, 5 are
// their negatives.
struct ShapeDerivatives {
  Real b[3][4];
  Real determinant;  // 8 x the Jacobian determinant: the element volume
};

[[gnu::always_inline]] inline ShapeDerivatives shape_derivatives(const Hex& h) {
  const Real* x = h.x;
  const Real* y = h.y;
  const Real* z = h.z;
  const auto xi = [](const Real* c) {
    return Real(.125) * ((c[6] - c[0]) + (c[5] - c[3]) - (c[7] - c[1]) - (c[4] - c[2]));
  };
  const auto eta = [](const Real* c) {
    return Real(.125) * ((c[6] - c[0]) - (c[5] - c[3]) + (c[7] - c[1]) - (c[4] - c[2]));
  };
  const auto zeta = [](const Real* c) {
    return Real(.125) * ((c[6] - c[0]) + (c[5] - c[3]) + (c[7] - c[1]) + (c[4] - c[2]));
  };
  const Real fjxxi = xi(x), fjxet = eta(x), fjxze = zeta(x);
  const Real fjyxi = xi(y), fjyet = eta(y), fjyze = zeta(y);
  const Real fjzxi = xi(z), fjzet = eta(z), fjzze = zeta(z);

  const Real cjxxi = (fjyet * fjzze) - (fjzet * fjyze);
  const Real cjxet = -(fjyxi * fjzze) + (fjzxi * fjyze);
  const Real cjxze = (fjyxi * fjzet) - (fjzxi * fjyet);
  const Real cjyxi = -(fjxet * fjzze) + (fjzet * fjxze);
  const Real cjyet = (fjxxi * fjzze) - (fjzxi * fjxze);
  const Real cjyze = -(fjxxi * fjzet) + (fjzxi * fjxet);
  const Real cjzxi = (fjxet * fjyze) - (fjyet * fjxze);
  const Real cjzet = -(fjxxi * fjyze) + (fjyxi * fjxze);
  const Real cjzze = (fjxxi * fjyet) - (fjyxi * fjxet);

  ShapeDerivatives d;
  const auto corners = [](Real* b, Real cxi, Real cet, Real cze) {
    b[0] = -cxi - cet - cze;
    b[1] = cxi - cet - cze;
    b[2] = cxi + cet - cze;
    b[3] = -cxi + cet - cze;
  };
  corners(d.b[0], cjxxi, cjxet, cjxze);
  corners(d.b[1], cjyxi, cjyet, cjyze);
  corners(d.b[2], cjzxi, cjzet, cjzze);
  d.determinant = Real(8.) * (fjxet * cjxet + fjyet * cjyet + fjzet * cjzet);
  return d;
}

// Area-weighted normals at the corners: each face adds a quarter of its
// area vector to its four corners.
[[gnu::always_inline]] inline void corner_normals(const Hex& h, Real nx[8], Real ny[8],
                                                  Real nz[8]) {
#pragma GCC unroll 8
  for (int c = 0; c < 8; ++c) nx[c] = ny[c] = nz[c] = Real(0.0);
  constexpr int kFaces[6][4] = {{0, 1, 2, 3}, {0, 4, 5, 1}, {1, 5, 6, 2},
                                {2, 6, 7, 3}, {3, 7, 4, 0}, {4, 7, 6, 5}};
#pragma GCC unroll 8
  for (const auto& f : kFaces) {
    const auto bisect0 = [&](const Real* c) {
      return Real(0.5) * (c[f[3]] + c[f[2]] - c[f[1]] - c[f[0]]);
    };
    const auto bisect1 = [&](const Real* c) {
      return Real(0.5) * (c[f[2]] + c[f[1]] - c[f[3]] - c[f[0]]);
    };
    const Real bx0 = bisect0(h.x), by0 = bisect0(h.y), bz0 = bisect0(h.z);
    const Real bx1 = bisect1(h.x), by1 = bisect1(h.y), bz1 = bisect1(h.z);
    const Real ax = Real(0.25) * (by0 * bz1 - bz0 * by1);
    const Real ay = Real(0.25) * (bz0 * bx1 - bx0 * bz1);
    const Real az = Real(0.25) * (bx0 * by1 - by0 * bx1);
#pragma GCC unroll 8
    for (int k = 0; k < 4; ++k) {
      nx[f[k]] += ax;
      ny[f[k]] += ay;
      nz[f[k]] += az;
    }
  }
}

// Derivative of the element volume with respect to each corner's position.
[[gnu::always_inline]] inline void volume_derivatives(const Hex& h, Real dvdx[8], Real dvdy[8],
                                                      Real dvdz[8]) {
  // For corner c: the six other corners, in the order the formula wants.
  constexpr int kStencil[8][6] = {{1, 2, 3, 4, 5, 7}, {2, 3, 0, 5, 6, 4}, {3, 0, 1, 6, 7, 5},
                                  {0, 1, 2, 7, 4, 6}, {7, 6, 5, 0, 3, 1}, {4, 7, 6, 1, 0, 2},
                                  {5, 4, 7, 2, 1, 3}, {6, 5, 4, 3, 2, 0}};
  constexpr Real twelfth = Real(1.0) / Real(12.0);
#pragma GCC unroll 8
  for (int c = 0; c < 8; ++c) {
    const int* s = kStencil[c];
    const Real x0 = h.x[s[0]], x1 = h.x[s[1]], x2 = h.x[s[2]];
    const Real x3 = h.x[s[3]], x4 = h.x[s[4]], x5 = h.x[s[5]];
    const Real y0 = h.y[s[0]], y1 = h.y[s[1]], y2 = h.y[s[2]];
    const Real y3 = h.y[s[3]], y4 = h.y[s[4]], y5 = h.y[s[5]];
    const Real z0 = h.z[s[0]], z1 = h.z[s[1]], z2 = h.z[s[2]];
    const Real z3 = h.z[s[3]], z4 = h.z[s[4]], z5 = h.z[s[5]];
    dvdx[c] = ((y1 + y2) * (z0 + z1) - (y0 + y1) * (z1 + z2) + (y0 + y4) * (z3 + z4) -
               (y3 + y4) * (z0 + z4) - (y2 + y5) * (z3 + z5) + (y3 + y5) * (z2 + z5)) *
              twelfth;
    dvdy[c] = (-(x1 + x2) * (z0 + z1) + (x0 + x1) * (z1 + z2) - (x0 + x4) * (z3 + z4) +
               (x3 + x4) * (z0 + z4) + (x2 + x5) * (z3 + z5) - (x3 + x5) * (z2 + z5)) *
              twelfth;
    dvdz[c] = (-(y1 + y2) * (x0 + x1) + (y0 + y1) * (x1 + x2) - (y0 + y4) * (x3 + x4) +
               (y3 + y4) * (x0 + x4) + (y2 + y5) * (x3 + x5) - (y3 + y5) * (x2 + x5)) *
              twelfth;
  }
}

// Squared-area measure of the face with corners a, b, c, d.
[[gnu::always_inline]] inline Real face_area(const Hex& h, int a, int b, int c, int d) {
  const Real fx = (h.x[c] - h.x[a]) - (h.x[d] - h.x[b]);
  const Real fy = (h.y[c] - h.y[a]) - (h.y[d] - h.y[b]);
  const Real fz = (h.z[c] - h.z[a]) - (h.z[d] - h.z[b]);
  const Real gx = (h.x[c] - h.x[a]) + (h.x[d] - h.x[b]);
  const Real gy = (h.y[c] - h.y[a]) + (h.y[d] - h.y[b]);
  const Real gz = (h.z[c] - h.z[a]) + (h.z[d] - h.z[b]);
  return (fx * fx + fy * fy + fz * fz) * (gx * gx + gy * gy + gz * gz) -
         (fx * gx + fy * gy + fz * gz) * (fx * gx + fy * gy + fz * gz);
}

// Volume over the largest face area: the length a sound wave must cross.
[[gnu::always_inline]] inline Real characteristic_length(const Hex& h, Real volume) {
  constexpr int kFaces[6][4] = {{0, 1, 2, 3}, {4, 5, 6, 7}, {0, 1, 5, 4},
                                {1, 2, 6, 5}, {2, 3, 7, 6}, {3, 0, 4, 7}};
  Real largest = Real(0.0);
#pragma GCC unroll 8
  for (const auto& f : kFaces) {
    const Real a = face_area(h, f[0], f[1], f[2], f[3]);
    largest = a < largest ? largest : a;
  }
  return Real(4.0) * volume / std::sqrt(largest);
}

}  // namespace corebench::lulesh
