// How the domains of a decomposed run talk: MPI between processes
// (mpi_transport.h), or anything else that moves the same messages.
#pragma once

#include <span>

namespace corebench::lulesh {

struct Outgoing {
  int peer;
  std::span<const double> data;
};

struct Incoming {
  int peer;
  std::span<double> data;  // its size is what the peer sends
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  // Sends every message of `out` and fills every one of `in`; returns once
  // all have arrived. At most one message per peer each way.
  virtual void exchange(std::span<const Outgoing> out, std::span<const Incoming> in) = 0;
  // Replaces each value by its minimum over all ranks.
  virtual void minimum(std::span<double> values) = 0;
};

}  // namespace corebench::lulesh
