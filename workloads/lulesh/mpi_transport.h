// The Transport of a decomposed run across MPI ranks (built where Open
// MPI's development files are installed: corebench_lulesh_mpi).
#pragma once

#include <mpi.h>

#include "workloads/lulesh/transport.h"

namespace corebench::lulesh {

class MpiTransport final : public Transport {
 public:
  explicit MpiTransport(MPI_Comm comm = MPI_COMM_WORLD);
  int rank() const override { return rank_; }
  int size() const override { return size_; }
  void exchange(std::span<const Outgoing> out, std::span<const Incoming> in) override;
  void minimum(std::span<double> values) override;

 private:
  MPI_Comm comm_;
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace corebench::lulesh
