// The fixed constants of LULESH 2.0's Sedov problem: cut-offs, artificial
// viscosity coefficients, equation-of-state bounds and time-step controls.
// LULESH hard-codes them too; a real code would read them from its input.
#pragma once

#include <cstdint>

namespace corebench::lulesh {

using Real = double;
using Index = std::int32_t;

// Values this small are rounded to zero so that round-off noise in empty
// regions of the mesh does not grow.
constexpr Real kEnergyCut = 1.0e-7;
constexpr Real kPressureCut = 1.0e-7;
constexpr Real kViscosityCut = 1.0e-7;
constexpr Real kVolumeCut = 1.0e-10;
constexpr Real kVelocityCut = 1.0e-7;

constexpr Real kHourglassCoefficient = 3.0;
constexpr Real kViscosityStop = 1.0e+12;  // a larger q means the run has failed
constexpr Real kMonoQMaxSlope = 1.0;
constexpr Real kMonoQLimiterMult = 2.0;
constexpr Real kMonoQLinear = 0.5;
constexpr Real kMonoQQuadratic = 2.0 / 3.0;
constexpr Real kCourantQuadratic = 2.0;  // LULESH's qqc

constexpr Real kEosVolumeMax = 1.0e+9;
constexpr Real kEosVolumeMin = 1.0e-9;
constexpr Real kPressureMin = 0.0;
constexpr Real kEnergyMin = -1.0e+15;
constexpr Real kMaxVolumeChange = 0.1;  // LULESH's dvovmax
constexpr Real kReferenceDensity = 1.0;

constexpr Real kStopTime = 1.0e-2;
constexpr Real kDtMultLowerBound = 1.1;
constexpr Real kDtMultUpperBound = 1.2;
constexpr Real kDtMax = 1.0e-2;
constexpr Real kNoTimeConstraint = 1.0e+20;

// The blast energy that is right for 45 elements per edge; other sizes
// scale it with the cube of their edge so that the physical problem stays
// the same.
constexpr Real kBlastEnergyAt45 = 3.948746e+7;
// Edge length of the whole mesh.
constexpr Real kMeshExtent = 1.125;

}  // namespace corebench::lulesh
