#include "workloads/cfd/mesh.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace corebench::cfd {
namespace {

using Vec3 = Eigen::Vector3d;
using Hex = std::array<int, 8>;
using Quad = std::array<int, 4>;

// Vertex numbering of a hexahedron: 0-3 counter-clockwise at its low z, 4-7
// above them. Each face lists its vertices counter-clockwise seen from
// outside, so the right-hand rule gives the outward normal.
constexpr std::array<std::array<int, 4>, 6> kHexFaces = {{
    {0, 4, 7, 3},  // x-
    {1, 2, 6, 5},  // x+
    {0, 1, 5, 4},  // y-
    {3, 7, 6, 2},  // y+
    {0, 3, 2, 1},  // z-
    {4, 5, 6, 7},  // z+
}};

struct VertexCloud {
  std::vector<Vec3> points;
  std::vector<Hex> hexes;
};

VertexCloud box_vertices(int nx, int ny, int nz, const Vec3& extent) {
  VertexCloud cloud;
  const auto vertex_id = [&](int i, int j, int k) { return i + (nx + 1) * (j + (ny + 1) * k); };
  cloud.points.reserve(static_cast<std::size_t>(nx + 1) * (ny + 1) * (nz + 1));
  for (int k = 0; k <= nz; ++k)
    for (int j = 0; j <= ny; ++j)
      for (int i = 0; i <= nx; ++i)
        cloud.points.emplace_back(extent.x() * i / nx, extent.y() * j / ny, extent.z() * k / nz);
  cloud.hexes.reserve(static_cast<std::size_t>(nx) * ny * nz);
  for (int k = 0; k < nz; ++k)
    for (int j = 0; j < ny; ++j)
      for (int i = 0; i < nx; ++i)
        cloud.hexes.push_back({vertex_id(i, j, k), vertex_id(i + 1, j, k),
                               vertex_id(i + 1, j + 1, k), vertex_id(i, j + 1, k),
                               vertex_id(i, j, k + 1), vertex_id(i + 1, j, k + 1),
                               vertex_id(i + 1, j + 1, k + 1), vertex_id(i, j + 1, k + 1)});
  return cloud;
}

// For every vertex, the cells that use it (compressed rows).
struct VertexCells {
  std::vector<int> start;
  std::vector<int> cells;
};

VertexCells vertex_cells(const VertexCloud& cloud) {
  VertexCells vc;
  vc.start.assign(cloud.points.size() + 1, 0);
  for (const Hex& hex : cloud.hexes)
    for (int v : hex) ++vc.start[v + 1];
  for (std::size_t v = 0; v < cloud.points.size(); ++v) vc.start[v + 1] += vc.start[v];
  vc.cells.resize(vc.start.back());
  std::vector<int> fill(vc.start.begin(), vc.start.end() - 1);
  for (int c = 0; c < static_cast<int>(cloud.hexes.size()); ++c)
    for (int v : cloud.hexes[c]) vc.cells[fill[v]++] = c;
  return vc;
}

bool hex_has_all(const Hex& hex, const Quad& quad) {
  for (int v : quad)
    if (std::find(hex.begin(), hex.end(), v) == hex.end()) return false;
  return true;
}

// The other cell that shares all four vertices of `quad`, or -1 on the boundary.
int cell_across(const VertexCloud& cloud, const VertexCells& vc, int cell, const Quad& quad) {
  for (int i = vc.start[quad[0]]; i < vc.start[quad[0] + 1]; ++i) {
    const int other = vc.cells[i];
    if (other != cell && hex_has_all(cloud.hexes[other], quad)) return other;
  }
  return -1;
}

Side side_facing(const Vec3& normal) {
  int axis = 0;
  normal.cwiseAbs().maxCoeff(&axis);
  return static_cast<Side>(2 * axis + (normal[axis] > 0 ? 1 : 0));
}

struct FaceGeometry {
  Vec3 area;
  Vec3 centre;
};

FaceGeometry quad_geometry(const VertexCloud& cloud, const Quad& q) {
  const auto& p = cloud.points;
  return {0.5 * (p[q[2]] - p[q[0]]).cross(p[q[3]] - p[q[1]]),
          0.25 * (p[q[0]] + p[q[1]] + p[q[2]] + p[q[3]])};
}

void add_derived_geometry(HexMesh& mesh) {
  const int faces = mesh.face_count();
  const int interior = mesh.interior_face_count();
  mesh.owner_weight.resize(interior);
  mesh.diffusion_factor.resize(faces);
  mesh.centre_offset.resize(faces);
  for (int f = 0; f < faces; ++f) {
    const Vec3& owner_centre = mesh.cell_centre[mesh.owner[f]];
    const Vec3& s = mesh.face_area[f];
    if (f < interior) {
      const Vec3& neighbour_centre = mesh.cell_centre[mesh.neighbour[f]];
      const double to_owner = (mesh.face_centre[f] - owner_centre).norm();
      const double to_neighbour = (neighbour_centre - mesh.face_centre[f]).norm();
      mesh.owner_weight[f] = to_neighbour / (to_owner + to_neighbour);
      mesh.centre_offset[f] = neighbour_centre - owner_centre;
    } else {
      mesh.centre_offset[f] = mesh.face_centre[f] - owner_centre;
    }
    mesh.diffusion_factor[f] = s.squaredNorm() / mesh.centre_offset[f].dot(s);
  }
}

void add_cell_faces(HexMesh& mesh) {
  mesh.cell_face_start.assign(mesh.cell_count() + 1, 0);
  const auto count = [&](int cell) { ++mesh.cell_face_start[cell + 1]; };
  for (int f = 0; f < mesh.face_count(); ++f) {
    count(mesh.owner[f]);
    if (mesh.is_interior(f)) count(mesh.neighbour[f]);
  }
  for (int c = 0; c < mesh.cell_count(); ++c)
    mesh.cell_face_start[c + 1] += mesh.cell_face_start[c];
  mesh.cell_faces.resize(mesh.cell_face_start.back());
  std::vector<int> fill(mesh.cell_face_start.begin(), mesh.cell_face_start.end() - 1);
  for (int f = 0; f < mesh.face_count(); ++f) {
    mesh.cell_faces[fill[mesh.owner[f]]++] = f;
    if (mesh.is_interior(f)) mesh.cell_faces[fill[mesh.neighbour[f]]++] = f;
  }
}

}  // namespace

HexMesh make_box_mesh(int nx, int ny, int nz, const Eigen::Vector3d& extent) {
  if (nx < 1 || ny < 1 || nz < 1)
    throw std::invalid_argument("mesh needs at least one cell per axis");
  const VertexCloud cloud = box_vertices(nx, ny, nz, extent);
  const VertexCells vc = vertex_cells(cloud);
  const int cells = static_cast<int>(cloud.hexes.size());

  HexMesh mesh;
  mesh.cell_centre.resize(cells);
  mesh.cell_volume.resize(cells);
  struct BoundaryFace {
    int owner;
    FaceGeometry geometry;
  };
  std::vector<BoundaryFace> boundary;

  for (int c = 0; c < cells; ++c) {
    const Hex& hex = cloud.hexes[c];
    Vec3 centre = Vec3::Zero();
    for (int v : hex) centre += cloud.points[v];
    mesh.cell_centre[c] = centre / 8.0;
    double volume = 0;  // divergence theorem: V = sum over faces of x_f . S_f / 3
    for (const auto& local : kHexFaces) {
      const Quad quad = {hex[local[0]], hex[local[1]], hex[local[2]], hex[local[3]]};
      const FaceGeometry g = quad_geometry(cloud, quad);
      volume += g.centre.dot(g.area) / 3.0;
      const int other = cell_across(cloud, vc, c, quad);
      if (other < 0) {
        boundary.push_back({c, g});
      } else if (other > c) {
        mesh.owner.push_back(c);
        mesh.neighbour.push_back(other);
        mesh.face_area.push_back(g.area);
        mesh.face_centre.push_back(g.centre);
      }
    }
    mesh.cell_volume[c] = volume;
  }
  for (const BoundaryFace& b : boundary) {
    mesh.owner.push_back(b.owner);
    mesh.face_area.push_back(b.geometry.area);
    mesh.face_centre.push_back(b.geometry.centre);
    mesh.boundary_side.push_back(side_facing(b.geometry.area));
  }
  add_derived_geometry(mesh);
  add_cell_faces(mesh);
  return mesh;
}

}  // namespace corebench::cfd
