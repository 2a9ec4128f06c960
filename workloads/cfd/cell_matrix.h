// The sparse matrix of a cell-to-cell operator on a mesh (one row per cell,
// an entry per face neighbour), held row-major so that a matrix-vector
// product (SparseOperator) splits into rows for the OpenMP threads. The
// pattern is fixed by the mesh; assembly overwrites the values in place each
// outer iteration, one row per cell, so rows can be assembled in parallel.
#pragma once

#include <Eigen/SparseCore>
#include <vector>

#include "workloads/cfd/mesh.h"

namespace corebench::cfd {

using SparseMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;

class CellMatrix {
 public:
  explicit CellMatrix(const HexMesh& mesh);

  double& diagonal(int cell) { return matrix_.valuePtr()[diagonal_slot_[cell]]; }
  // The coefficient, in the row of the cell that lists it, of the cell
  // across mesh.cell_faces[entry] (an interior face).
  double& coupling(int entry) { return matrix_.valuePtr()[coupling_slot_[entry]]; }

  const SparseMatrix& matrix() const { return matrix_; }

 private:
  SparseMatrix matrix_;
  std::vector<int> diagonal_slot_;  // value index of (c, c)
  std::vector<int> coupling_slot_;  // value index per entry of mesh.cell_faces (-1: boundary)
};

}  // namespace corebench::cfd
