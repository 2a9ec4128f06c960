// A lulesh::Transport between threads of one process, one per rank, so
// that decomposed runs are tested without MPI (and under the sanitizers
// and qemu, where mpirun is not at hand). Every message is a copy, as
// over MPI.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "workloads/lulesh/transport.h"

namespace corebench::testing {

// What the ranks share: a one-message mailbox for each ordered pair of
// ranks, and the reduction in progress.
class ThreadNetwork {
 public:
  explicit ThreadNetwork(int ranks);
  std::unique_ptr<lulesh::Transport> transport(int rank);

 private:
  class Endpoint;
  struct Mailbox {
    bool full = false;
    std::vector<double> data;
  };
  Mailbox& box(int from, int to) { return boxes_[std::size_t(from) * ranks_ + to]; }

  int ranks_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Mailbox> boxes_;
  std::vector<double> partial_, reduced_;
  int arrived_ = 0;
  long generation_ = 0;
};

}  // namespace corebench::testing
