// Ghia, Ghia & Shin (1982), "High-Re solutions for incompressible flow using
// the Navier-Stokes equations and a multigrid method", J. Comput. Phys.
// 48(3):387-411, Tables I and II: velocity profiles of the steady 2D
// lid-driven cavity along its centre lines (lid speed 1, unit square). The
// table is data/ghia1982-cavity.csv, compiled into the binary.
#pragma once

#include <string_view>
#include <vector>

namespace corebench::cfd {

struct ProfilePoint {
  double coord;     // position along the line
  double velocity;  // in units of the lid speed
};

struct GhiaProfiles {
  std::vector<ProfilePoint> u_vertical;    // u along x = 0.5, coord = y
  std::vector<ProfilePoint> v_horizontal;  // v along y = 0.5, coord = x
};

// The published profiles at Reynolds number `re`, without the points the
// table misprints (see the CSV). Throws std::invalid_argument when the
// table has no such Reynolds number.
GhiaProfiles ghia_profiles(int re);

// Whether the table has profiles at Reynolds number `re`.
bool ghia_has(double re);

// The CSV text, embedded at build time.
std::string_view ghia1982_csv();

}  // namespace corebench::cfd
