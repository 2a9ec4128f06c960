// The material update of one element: LULESH's ideal-gas-like equation of
// state (p = 2/3 (1 + compression) e), integrated over the step with a
// predictor-corrector on energy, pressure and artificial viscosity, and the
// sound speed that results.
#pragma once

#include <cmath>

#include "workloads/lulesh/parameters.h"

namespace corebench::lulesh {

// What the equation of state reads of one element.
struct EosInput {
  Real vnew;  // relative volume at the end of the step, within the EOS bounds
  Real delv;  // its change over the step
  Real e;     // energy, pressure and viscosity at the start of the step
  Real p;
  Real q;
  Real ql;  // this step's linear and quadratic viscosity terms
  Real qq;
};

struct EosResult {
  Real e;
  Real p;
  Real q;
  Real bvc;   // d p / d e at constant volume, times v ...
  Real pbvc;  // ... and its pressure-derivative term, for the sound speed
};

struct Pressure {
  Real p;
  Real bvc;
  Real pbvc;
};

inline Pressure pressure_of(Real e, Real compression, Real vnew) {
  constexpr Real c1s = Real(2.0) / Real(3.0);
  Pressure r{0, c1s * (compression + Real(1.)), c1s};
  r.p = r.bvc * e;
  if (std::fabs(r.p) < kPressureCut) r.p = Real(0.0);
  if (vnew >= kEosVolumeMax) r.p = Real(0.0);
  if (r.p < kPressureMin) r.p = kPressureMin;
  return r;
}

// sqrt of a squared sound speed, floored where it vanishes.
inline Real sound_speed_of(Real squared) {
  return squared <= Real(.1111111e-36) ? Real(.3333333e-18) : std::sqrt(squared);
}

inline Real clamp_energy(Real e) {
  if (std::fabs(e) < kEnergyCut) e = Real(0.);
  if (e < kEnergyMin) e = kEnergyMin;
  return e;
}

inline EosResult evaluate_eos(const EosInput& in) {
  Real compression = Real(1.) / in.vnew - Real(1.);
  const Real vchalf = in.vnew - in.delv * Real(.5);
  Real comp_half_step = Real(1.) / vchalf - Real(1.);
  Real p_old = in.p;
  if (in.vnew <= kEosVolumeMin) comp_half_step = compression;
  if (in.vnew >= kEosVolumeMax) {
    p_old = Real(0.);
    compression = Real(0.);
    comp_half_step = Real(0.);
  }

  // Predictor: energy and pressure at the half step.
  Real e = in.e - Real(0.5) * in.delv * (p_old + in.q);
  if (e < kEnergyMin) e = kEnergyMin;
  const Pressure half = pressure_of(e, comp_half_step, in.vnew);
  const Real vhalf = Real(1.) / (Real(1.) + comp_half_step);
  Real q_half = Real(0.);
  if (in.delv <= Real(0.)) {
    const Real ssc =
        sound_speed_of((half.pbvc * e + vhalf * vhalf * half.bvc * half.p) / kReferenceDensity);
    q_half = ssc * in.ql + in.qq;
  }
  e = e + Real(0.5) * in.delv * (Real(3.0) * (p_old + in.q) - Real(4.0) * (half.p + q_half));
  e = clamp_energy(e);

  // Corrector: full-step pressure and viscosity estimate, then the energy
  // with Simpson's weights over start, half and end of the step.
  Pressure full = pressure_of(e, compression, in.vnew);
  Real q_tilde = Real(0.);
  if (in.delv <= Real(0.)) {
    const Real ssc =
        sound_speed_of((full.pbvc * e + in.vnew * in.vnew * full.bvc * full.p) / kReferenceDensity);
    q_tilde = ssc * in.ql + in.qq;
  }
  constexpr Real sixth = Real(1.0) / Real(6.0);
  e = e - (Real(7.0) * (p_old + in.q) - Real(8.0) * (half.p + q_half) + (full.p + q_tilde)) *
              in.delv * sixth;
  e = clamp_energy(e);
  full = pressure_of(e, compression, in.vnew);

  Real q = q_half;
  if (in.delv <= Real(0.)) {
    const Real ssc =
        sound_speed_of((full.pbvc * e + in.vnew * in.vnew * full.bvc * full.p) / kReferenceDensity);
    q = ssc * in.ql + in.qq;
    if (std::fabs(q) < kViscosityCut) q = Real(0.);
  }
  return {e, full.p, q, full.bvc, full.pbvc};
}

inline Real sound_speed(const EosResult& r, Real vnew) {
  return sound_speed_of((r.pbvc * r.e + vnew * vnew * r.bvc * r.p) / kReferenceDensity);
}

}  // namespace corebench::lulesh
