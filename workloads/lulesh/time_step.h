// Time-step control: the Courant (sound and shock crossing) and hydro
// (relative volume change) limits each element sets, and how the next time
// step follows from them.
#pragma once

#include <cmath>

#include "workloads/lulesh/domain.h"

namespace corebench::lulesh {

struct TimeConstraints {
  Real courant = kNoTimeConstraint;
  Real hydro = kNoTimeConstraint;

  void merge(const TimeConstraints& other) {
    if (other.courant < courant) courant = other.courant;
    if (other.hydro < hydro) hydro = other.hydro;
  }
};

// Element k's constraints; an element that neither expands nor compresses
// sets none. Written without an early return so that it vectorises.
[[gnu::always_inline]] inline TimeConstraints constraints_of(const Domain& d, Index k) {
  const Real vdov = d.vdov[k];
  constexpr Real qqc2 = Real(64.0) * kCourantQuadratic * kCourantQuadratic;
  const Real arealg = d.arealg[k];
  Real dtf = d.ss[k] * d.ss[k];
  if (vdov < Real(0.)) dtf = dtf + qqc2 * arealg * arealg * vdov * vdov;
  TimeConstraints limits{arealg / std::sqrt(dtf),
                         kMaxVolumeChange / (std::fabs(vdov) + Real(1.e-20))};
  if (vdov == Real(0.)) limits = TimeConstraints{};
  return limits;
}

// Chooses the next time step from the last step's constraints, changing it
// only in bounded ratios and landing exactly on the stop time.
inline void advance_clock(Clock& clock) {
  Real target = kStopTime - clock.time;
  if (clock.cycle != 0) {
    const Real old_dt = clock.deltatime;
    Real new_dt = kNoTimeConstraint;
    if (clock.dtcourant < new_dt) new_dt = clock.dtcourant / Real(2.0);
    if (clock.dthydro < new_dt) new_dt = clock.dthydro * Real(2.0) / Real(3.0);
    const Real ratio = new_dt / old_dt;
    if (ratio >= Real(1.0)) {
      if (ratio < kDtMultLowerBound)
        new_dt = old_dt;
      else if (ratio > kDtMultUpperBound)
        new_dt = old_dt * kDtMultUpperBound;
    }
    if (new_dt > kDtMax) new_dt = kDtMax;
    clock.deltatime = new_dt;
  }
  // Avoid a very small last step.
  if (target > clock.deltatime && target < Real(4.0) * clock.deltatime / Real(3.0))
    target = Real(2.0) * clock.deltatime / Real(3.0);
  if (target < clock.deltatime) clock.deltatime = target;
  clock.time += clock.deltatime;
  ++clock.cycle;
}

}  // namespace corebench::lulesh
