#include "workloads/cfd/cell_matrix.h"

#include <algorithm>

namespace corebench::cfd {
namespace {

int value_index(const SparseMatrix& m, int row, int col) {
  const int* begin = m.innerIndexPtr() + m.outerIndexPtr()[row];
  const int* end = m.innerIndexPtr() + m.outerIndexPtr()[row + 1];
  return static_cast<int>(std::lower_bound(begin, end, col) - m.innerIndexPtr());
}

}  // namespace

CellMatrix::CellMatrix(const HexMesh& mesh) {
  const int cells = mesh.cell_count();
  std::vector<Eigen::Triplet<double, int>> entries;
  entries.reserve(mesh.cell_faces.size() + cells);
  for (int c = 0; c < cells; ++c) {
    entries.emplace_back(c, c, 0.0);
    for (int e = mesh.cell_face_start[c]; e < mesh.cell_face_start[c + 1]; ++e)
      if (mesh.is_interior(mesh.cell_faces[e]))
        entries.emplace_back(c, mesh.across(mesh.cell_faces[e], c), 0.0);
  }
  matrix_.resize(cells, cells);
  matrix_.setFromTriplets(entries.begin(), entries.end());
  matrix_.makeCompressed();

  diagonal_slot_.resize(cells);
  coupling_slot_.assign(mesh.cell_faces.size(), -1);
  for (int c = 0; c < cells; ++c) {
    diagonal_slot_[c] = value_index(matrix_, c, c);
    for (int e = mesh.cell_face_start[c]; e < mesh.cell_face_start[c + 1]; ++e)
      if (mesh.is_interior(mesh.cell_faces[e]))
        coupling_slot_[e] = value_index(matrix_, c, mesh.across(mesh.cell_faces[e], c));
  }
}

}  // namespace corebench::cfd
