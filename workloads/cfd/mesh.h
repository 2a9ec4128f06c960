// A hexahedral mesh held the way an unstructured finite-volume code holds it:
// cells and faces with owner/neighbour arrays and precomputed geometry. The
// solver never uses (i, j, k) indices, only these arrays, as Dolfyn does.
#pragma once

#include <Eigen/Core>
#include <Eigen/Geometry>
#include <cstdint>
#include <vector>

namespace corebench::cfd {

// The six sides of the box a generated mesh fills, named by outward normal.
enum class Side : std::uint8_t { XMin, XMax, YMin, YMax, ZMin, ZMax };
inline constexpr int kSideCount = 6;

struct HexMesh {
  // Cells.
  std::vector<Eigen::Vector3d> cell_centre;
  std::vector<double> cell_volume;

  // Faces: the interior ones first (owner < neighbour), then the boundary
  // ones. face_area is the area-weighted normal, pointing out of the owner.
  std::vector<int> owner;
  std::vector<int> neighbour;  // interior faces only
  std::vector<Eigen::Vector3d> face_area;
  std::vector<Eigen::Vector3d> face_centre;
  std::vector<Side> boundary_side;  // boundary faces only, indexed from 0

  // Derived face geometry. d is the vector from the owner's centre to the
  // neighbour's centre (interior) or to the face centre (boundary).
  // owner_weight: the owner's share in linear interpolation to the face.
  // diffusion_factor: |S|^2 / (d . S), turning a difference across the face
  // into a normal-gradient flux (|S| / |d| on an orthogonal mesh).
  std::vector<double> owner_weight;  // interior faces only
  std::vector<double> diffusion_factor;
  std::vector<Eigen::Vector3d> centre_offset;  // d

  // The faces of each cell, in compressed rows: cell c has the faces
  // cell_faces[e] for e in [cell_face_start[c], cell_face_start[c + 1]).
  // Loops over cells write only their own cell, so they run in parallel.
  std::vector<int> cell_face_start;
  std::vector<int> cell_faces;

  int cell_count() const { return static_cast<int>(cell_volume.size()); }
  int face_count() const { return static_cast<int>(owner.size()); }
  int interior_face_count() const { return static_cast<int>(neighbour.size()); }
  int boundary_face_count() const { return face_count() - interior_face_count(); }
  bool is_interior(int face) const { return face < interior_face_count(); }
  Side side_of(int face) const { return boundary_side[face - interior_face_count()]; }
  // For interior faces: the cell on the other side from `cell`.
  int across(int face, int cell) const {
    return owner[face] == cell ? neighbour[face] : owner[face];
  }
  // +1 where the face's area vector points out of `cell`, -1 where it points in.
  double orientation(int face, int cell) const { return owner[face] == cell ? 1.0 : -1.0; }
};

// An nx x ny x nz block of equal hexahedra filling [0, extent]. It is built
// from vertices and cell-vertex lists, and its faces and neighbours are found
// from shared vertices, as for a mesh read from a file.
HexMesh make_box_mesh(int nx, int ny, int nz, const Eigen::Vector3d& extent);

}  // namespace corebench::cfd
