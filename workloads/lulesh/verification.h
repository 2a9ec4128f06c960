// What verify() measures on the final state: LULESH's own symmetry check,
// the symmetry of the whole blast, and the energy budget.
#pragma once

#include <optional>

#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/leapfrog.h"
#include "workloads/lulesh/reference_runs.h"
#include "workloads/workload.h"

namespace corebench::lulesh {

// LULESH's check of plane 0: the energy of element (row j, column k)
// against that of (row k, column j), which the x = y symmetry of the blast
// makes equal.
struct PlaneSymmetry {
  Real max_abs_diff = 0;
  Real total_abs_diff = 0;
  Real max_rel_diff = 0;
};
PlaneSymmetry plane_symmetry(const Domain& d);

// The largest relative energy difference between any element and its
// images under the swaps of two axes, over the whole mesh; the blast starts
// in a corner of a cube, so all three swaps leave it unchanged.
Real cube_symmetry(const Domain& d);

// Internal energy (sum of e x mass) and kinetic energy of the nodes.
struct EnergyBudget {
  Real internal = 0;
  Real kinetic = 0;
  Real total() const { return internal + kinetic; }
};
EnergyBudget energy_budget(const Domain& d);

// The energy the blast deposits, the budget's value at time zero.
Real blast_energy(const Domain& d);

// False if any element's energy, pressure, viscosity or volume is not a
// finite number, or a volume is not positive.
bool state_is_physical(const Domain& d);

// The verdict on a finished run: its failure, if any, the symmetry and
// energy checks above, and, given a reference, LULESH 2.0.3's origin
// energy and iteration count.
Verdict judge(const Domain& d, Failure failure, const std::optional<ReferenceRun>& reference);

}  // namespace corebench::lulesh
