// Monotonic artificial viscosity (q): the shock-capturing term. First the
// velocity and position gradients of each element along its three logical
// directions, then a limiter that compares each element's gradient with its
// neighbours' so that q acts only on compression that is not smooth.
#pragma once

#include <cmath>

#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/element_geometry.h"

namespace corebench::lulesh {

constexpr Real kTiny = 1.e-36;

// scale * (sum of c over corners `plus` - sum over corners `minus`).
[[gnu::always_inline]] inline Real face_difference(const Real* c, const int (&plus)[4],
                                                   const int (&minus)[4], Real scale) {
  return scale * ((c[plus[0]] + c[plus[1]] + c[plus[2]] + c[plus[3]]) -
                  (c[minus[0]] + c[minus[1]] + c[minus[2]] + c[minus[3]]));
}

// Gradients of element k from its corner positions and velocities, for the
// limiter of this step. Uses d.vnew[k] from element_kinematics().
[[gnu::always_inline]] inline void viscosity_gradients(Domain& d, Index k, const Hex& hex,
                                                       const Hex& vel) {
  constexpr int kXiPlusCorners[4] = {1, 2, 6, 5}, kXiMinusCorners[4] = {0, 3, 7, 4};
  constexpr int kEtaA[4] = {0, 1, 5, 4}, kEtaB[4] = {3, 2, 6, 7};
  constexpr int kZetaPlusCorners[4] = {4, 5, 6, 7}, kZetaMinusCorners[4] = {0, 1, 2, 3};
  const auto xi = [&](const Real* c) {
    return face_difference(c, kXiPlusCorners, kXiMinusCorners, Real(0.25));
  };
  const auto eta = [&](const Real* c) { return face_difference(c, kEtaA, kEtaB, Real(-0.25)); };
  const auto zeta = [&](const Real* c) {
    return face_difference(c, kZetaPlusCorners, kZetaMinusCorners, Real(0.25));
  };

  const Real vol = d.volo[k] * d.vnew[k];
  const Real norm = Real(1.0) / (vol + kTiny);
  const Real dxi = xi(hex.x), dyi = xi(hex.y), dzi = xi(hex.z);
  const Real dxj = eta(hex.x), dyj = eta(hex.y), dzj = eta(hex.z);
  const Real dxk = zeta(hex.x), dyk = zeta(hex.y), dzk = zeta(hex.z);

  // Along each direction: the face-area vector of the cross product of the
  // other two, the element thickness vol / |area|, and the velocity jump
  // projected on the unit area vector.
  const auto along = [&](Real ax, Real ay, Real az, Real dxv, Real dyv, Real dzv, Real& delx,
                         Real& delv) {
    delx = vol / std::sqrt(ax * ax + ay * ay + az * az + kTiny);
    ax *= norm;
    ay *= norm;
    az *= norm;
    delv = ax * dxv + ay * dyv + az * dzv;
  };
  along(dyi * dzj - dzi * dyj, dzi * dxj - dxi * dzj, dxi * dyj - dyi * dxj, zeta(vel.x),
        zeta(vel.y), zeta(vel.z), d.delx_zeta[k], d.delv_zeta[k]);
  along(dyj * dzk - dzj * dyk, dzj * dxk - dxj * dzk, dxj * dyk - dyj * dxk, xi(vel.x), xi(vel.y),
        xi(vel.z), d.delx_xi[k], d.delv_xi[k]);
  along(dyk * dzi - dzk * dyi, dzk * dxi - dxk * dzi, dxk * dyi - dyk * dxi, eta(vel.x), eta(vel.y),
        eta(vel.z), d.delx_eta[k], d.delv_eta[k]);
}

// The limiter phi in [0, max slope] for one direction of element k: how
// smooth the velocity gradient is across the two faces.
[[gnu::always_inline]] inline Real limiter(const Real* delv, Index k, Index minus_neighbour,
                                           Index plus_neighbour) {
  const Real norm = Real(1.) / (delv[k] + kTiny);
  Real delvm = delv[minus_neighbour] * norm;
  Real delvp = delv[plus_neighbour] * norm;
  Real phi = Real(.5) * (delvm + delvp);
  delvm *= kMonoQLimiterMult;
  delvp *= kMonoQLimiterMult;
  if (delvm < phi) phi = delvm;
  if (delvp < phi) phi = delvp;
  if (phi < Real(0.)) phi = Real(0.);
  if (phi > kMonoQMaxSlope) phi = kMonoQMaxSlope;
  return phi;
}

struct ViscosityTerms {
  Real linear;
  Real quadratic;
};

// The linear and quadratic q terms of element k; vnew is its relative
// volume before the equation-of-state bounds are applied. Written without
// an early return so that it vectorises over elements.
[[gnu::always_inline]] inline ViscosityTerms monotonic_q(const Domain& d, Index k, Real vnew) {
  const Real phixi =
      limiter(d.delv_xi.data(), k, d.face_neighbour[kXiMinus][k], d.face_neighbour[kXiPlus][k]);
  const Real phieta =
      limiter(d.delv_eta.data(), k, d.face_neighbour[kEtaMinus][k], d.face_neighbour[kEtaPlus][k]);
  const Real phizeta = limiter(d.delv_zeta.data(), k, d.face_neighbour[kZetaMinus][k],
                               d.face_neighbour[kZetaPlus][k]);

  Real delvxxi = d.delv_xi[k] * d.delx_xi[k];
  Real delvxeta = d.delv_eta[k] * d.delx_eta[k];
  Real delvxzeta = d.delv_zeta[k] * d.delx_zeta[k];
  if (delvxxi > Real(0.)) delvxxi = Real(0.);
  if (delvxeta > Real(0.)) delvxeta = Real(0.);
  if (delvxzeta > Real(0.)) delvxzeta = Real(0.);
  const Real rho = d.elem_mass[k] / (d.volo[k] * vnew);
  Real linear = -kMonoQLinear * rho *
                (delvxxi * (Real(1.) - phixi) + delvxeta * (Real(1.) - phieta) +
                 delvxzeta * (Real(1.) - phizeta));
  Real quadratic = kMonoQQuadratic * rho *
                   (delvxxi * delvxxi * (Real(1.) - phixi * phixi) +
                    delvxeta * delvxeta * (Real(1.) - phieta * phieta) +
                    delvxzeta * delvxzeta * (Real(1.) - phizeta * phizeta));
  if (d.vdov[k] > Real(0.)) linear = quadratic = Real(0.);  // expanding: no q
  return {linear, quadratic};
}

}  // namespace corebench::lulesh
