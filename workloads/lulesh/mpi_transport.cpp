#include "workloads/lulesh/mpi_transport.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace corebench::lulesh {
namespace {

constexpr int kHaloTag = 1;

void check(int status, const char* call) {
  if (status != MPI_SUCCESS) throw std::runtime_error(std::string("lulesh: ") + call + " failed");
}

}  // namespace

MpiTransport::MpiTransport(MPI_Comm comm) : comm_(comm) {
  check(MPI_Comm_rank(comm_, &rank_), "MPI_Comm_rank");
  check(MPI_Comm_size(comm_, &size_), "MPI_Comm_size");
}

void MpiTransport::exchange(std::span<const Outgoing> out, std::span<const Incoming> in) {
  // Sized by the halo once, so this allocates only on the first call.
  thread_local std::vector<MPI_Request> requests;
  requests.resize(out.size() + in.size());
  std::size_t r = 0;
  // Receives first, so that no message waits in an unexpected-message queue.
  for (const Incoming& message : in)
    check(MPI_Irecv(message.data.data(), int(message.data.size()), MPI_DOUBLE, message.peer,
                    kHaloTag, comm_, &requests[r++]),
          "MPI_Irecv");
  for (const Outgoing& message : out)
    check(MPI_Isend(message.data.data(), int(message.data.size()), MPI_DOUBLE, message.peer,
                    kHaloTag, comm_, &requests[r++]),
          "MPI_Isend");
  check(MPI_Waitall(int(requests.size()), requests.data(), MPI_STATUSES_IGNORE), "MPI_Waitall");
}

void MpiTransport::minimum(std::span<double> values) {
  check(MPI_Allreduce(MPI_IN_PLACE, values.data(), int(values.size()), MPI_DOUBLE, MPI_MIN, comm_),
        "MPI_Allreduce");
}

}  // namespace corebench::lulesh
