// LULESH decomposed over MPI ranks, outside the runner: every rank one
// edge^3 domain of the global (edge * cbrt(ranks))^3 mesh.
//
//   mpirun -n 8 lulesh_ranks --size 10 [--iterations N] [--check]
//
// Prints the cycles, the origin energy and the leapfrog's time (the slowest
// rank's) with LULESH's figure of merit, for setting beside LLNL LULESH
// 2.0.3 built with MPI. --check also runs the whole mesh as one domain on
// rank 0 and fails unless every element's energy, pressure, viscosity and
// volume and the cycle count are the same bit for bit.
#include <fmt/format.h>
#include <mpi.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/halo.h"
#include "workloads/lulesh/leapfrog.h"
#include "workloads/lulesh/mpi_transport.h"

namespace lulesh = corebench::lulesh;
using lulesh::Index;

namespace {

Index cube_side(int ranks) {
  const auto side = static_cast<Index>(std::lround(std::cbrt(double(ranks))));
  return side * side * side == ranks ? side : 0;
}

// The whole mesh's element fields at this rank's elements, in its order.
std::vector<double> whole_at(const lulesh::Domain& whole, const lulesh::Placement& at, Index edge,
                             const corebench::AlignedBuffer<double>& field) {
  std::vector<double> values;
  const Index mesh = whole.edge_elems;
  for (Index k = 0; k < edge * edge * edge; ++k) {
    const Index gx = at.col * edge + k % edge, gy = at.row * edge + (k / edge) % edge,
                gz = at.plane * edge + k / (edge * edge);
    values.push_back(field[gx + mesh * (gy + mesh * gz)]);
  }
  return values;
}

// Rank 0 gathers every rank's fields and compares them with the whole
// mesh's; returns the number of differing values (on rank 0).
long differences(const lulesh::Domain& part, Index side, Index edge, Index cycles, int rank,
                 int ranks) {
  const corebench::AlignedBuffer<double>* fields[] = {&part.e, &part.p, &part.q, &part.v};
  const std::size_t n = std::size_t(part.num_elem);
  std::vector<double> mine;
  for (const auto* field : fields) mine.insert(mine.end(), field->data(), field->data() + n);
  mine.push_back(double(part.clock.cycle));
  std::vector<double> all(rank == 0 ? mine.size() * ranks : 0);
  MPI_Gather(mine.data(), int(mine.size()), MPI_DOUBLE, all.data(), int(mine.size()), MPI_DOUBLE, 0,
             MPI_COMM_WORLD);
  if (rank != 0) return 0;

  lulesh::Domain whole(side * edge, lulesh::Regions::Settings{});
  lulesh::run_leapfrog(whole, cycles);
  long wrong = 0;
  for (int r = 0; r < ranks; ++r) {
    const double* theirs = all.data() + std::size_t(r) * mine.size();
    const lulesh::Placement at = lulesh::Placement::of_rank(r, side);
    const corebench::AlignedBuffer<double>* whole_fields[] = {&whole.e, &whole.p, &whole.q,
                                                              &whole.v};
    for (const auto* field : whole_fields) {
      for (const double expected : whole_at(whole, at, edge, *field))
        wrong += *theirs++ != expected;
    }
    wrong += *theirs != double(whole.clock.cycle);
  }
  std::printf("whole mesh of %d^3 in one domain: %d cycles, origin energy %.6e\n",
              int(whole.edge_elems), int(whole.clock.cycle), whole.e[0]);
  return wrong;
}

int run(int argc, char** argv) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);

  CLI::App app{"LULESH over MPI ranks"};
  int size = 10;
  Index iterations = std::numeric_limits<Index>::max();
  bool check = false;
  app.add_option("--size", size, "elements per edge of each rank's domain")
      ->check(CLI::Range(1, 400));
  app.add_option("--iterations", iterations, "cycles (default: to the stop time)")
      ->check(CLI::PositiveNumber);
  app.add_flag("--check", check, "compare with the whole mesh as one domain");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return rank == 0 ? app.exit(e) : 2;
  }
  const Index side = cube_side(ranks);
  if (side == 0) {
    if (rank == 0)
      std::fprintf(stderr, "lulesh_ranks: %d ranks is not a cube (1, 8, 27, 64, ...)\n", ranks);
    return 2;
  }

  lulesh::Domain domain(size, lulesh::Regions::Settings{}, lulesh::Placement::of_rank(rank, side));
  lulesh::MpiTransport transport;
  lulesh::Halo halo(domain, transport);
  MPI_Barrier(MPI_COMM_WORLD);
  const auto start = std::chrono::steady_clock::now();
  const lulesh::Failure failure = lulesh::run_leapfrog(domain, iterations, &halo);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MPI_Allreduce(MPI_IN_PLACE, &seconds, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  if (rank == 0) {
    const double zones = double(domain.num_elem) * ranks;
    std::printf("%d ranks of %d^3: %d cycles, origin energy %.6e, %.3f s, FOM %.1f z/s%s\n", ranks,
                size, int(domain.clock.cycle), domain.e[0], seconds,
                zones * domain.clock.cycle / seconds / 1000,
                failure == lulesh::Failure::None ? "" : " (failed)");
  }
  int status = failure == lulesh::Failure::None ? 0 : 1;
  if (check) {
    const long wrong = differences(domain, side, size, iterations, rank, ranks);
    if (rank == 0) {
      std::printf("%ld of the gathered values differ from the whole mesh's\n", wrong);
      if (wrong != 0) status = 1;
    }
  }
  MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  int status = 1;
  try {
    status = run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lulesh_ranks: %s\n", e.what());
  }
  MPI_Finalize();
  return status;
}
