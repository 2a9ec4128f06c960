// Checks of a cavity solution against things the solver does not compute:
// the published profiles, the mass balance of its face fluxes recomputed
// from the mesh, and the mirror symmetry the 3D cavity must have.
#pragma once

#include <vector>

#include "workloads/cfd/boundary.h"
#include "workloads/cfd/cavity.h"
#include "workloads/cfd/flow_field.h"
#include "workloads/cfd/ghia_reference.h"
#include "workloads/cfd/mesh.h"
#include "workloads/cfd/simple.h"
#include "workloads/workload.h"

namespace corebench::cfd {

// Largest differences between the solution of the 2D cavity (unit square,
// lid speed 1) and Ghia et al.'s profiles: u along x = 0.5, v along y = 0.5.
// The solution is read along each line by quadratic interpolation through
// the nearest cell centres, with the walls' velocities at the ends.
struct ProfileDifference {
  double u = 0;
  double v = 0;
};
ProfileDifference compare_with_ghia(const HexMesh& mesh, const FlowField& flow,
                                    const Boundaries& boundaries, const GhiaProfiles& reference);

// The solution sampled along the line `along_axis` through `position` on
// `across_axis` (the slab's z ignored): the points the comparison uses.
std::vector<ProfilePoint> centreline(const HexMesh& mesh, const Eigen::VectorXd& values,
                                     const Boundaries& boundaries, int component, int along_axis,
                                     int across_axis, double position);

// Sum over cells of |net outflow| of the face fluxes, over `reference_flux`.
double continuity_residual(const HexMesh& mesh, const FlowField& flow, double reference_flux);

// Largest violation of mirror symmetry about the plane z = mid_z, over
// `velocity_scale`: u, v and p must be even in z and w odd. Every cell must
// have a mirror cell; throws std::invalid_argument otherwise.
double mirror_asymmetry(const HexMesh& mesh, const FlowField& flow, double mid_z,
                        double velocity_scale);

// The comparison with Ghia et al. applies from this many cells per edge, with
// this bound on the largest difference in u and in v (lid speed 1). Coarser
// meshes are further off, by more than a wrong boundary condition moves
// the profiles, so they are not compared.
inline constexpr int kGhiaMesh = 64;
inline constexpr double kGhiaBound = 0.02;

// Everything verify() checks of a cavity run: convergence (when the run
// iterated to `tolerance` rather than a fixed count), mass conservation, the
// Ghia profiles (2D, tabulated Reynolds numbers) and mirror symmetry about
// z = 1/2 (3D). The boundary values come from the case, not the solver.
Verdict verify_cavity(const CavityCase& cavity, const HexMesh& mesh, const FlowField& flow,
                      const SolveSummary& summary, bool fixed_iterations, double tolerance);

}  // namespace corebench::cfd
