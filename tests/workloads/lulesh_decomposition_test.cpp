// LULESH decomposed over a cube of domains (the MPI mode's physics, with
// the ranks as threads of this process): the geometry of the exchanges,
// and a decomposed run that equals the undecomposed run of the whole mesh
// bit for bit, in every element and every node.
#include <gtest/gtest.h>
#include <omp.h>

#include <cmath>
#include <memory>
#include <thread>
#include <vector>

#include "support/thread_transport.h"
#include "workloads/lulesh/decomposition.h"
#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/halo.h"
#include "workloads/lulesh/leapfrog.h"

namespace corebench::lulesh {
namespace {

TEST(LuleshDecomposition, PeersAreTheAdjacentDomainsAndExchangesMatchInSize) {
  constexpr Index kSide = 3, kEdge = 4;
  std::vector<Decomposition> all;
  for (int rank = 0; rank < kSide * kSide * kSide; ++rank)
    all.push_back(decompose(Placement::of_rank(rank, kSide), kEdge));
  // A corner domain borders 7 others, the middle one all 26.
  EXPECT_EQ(all[0].peers.size(), 7u);
  EXPECT_EQ(all[13].peers.size(), 26u);
  int faces = 0;
  for (const HaloPeer& peer : all[13].peers) faces += peer.face != kFaceCount;
  EXPECT_EQ(faces, 6);
  for (int rank = 0; rank < int(all.size()); ++rank) {
    for (const HaloPeer& peer : all[rank].peers) {
      const auto& back = all[peer.rank].peers;
      const auto mirror =
          std::find_if(back.begin(), back.end(), [&](const HaloPeer& p) { return p.rank == rank; });
      ASSERT_NE(mirror, back.end()) << rank << " -> " << peer.rank;
      EXPECT_EQ(Index(peer.send_corners.size()), mirror->ghost_count);
      EXPECT_EQ(peer.face_elements.size(), mirror->face_elements.size());
      if (peer.face != kFaceCount) {
        EXPECT_EQ(peer.face ^ 1, mirror->face);
      }
    }
  }
  // Every node of the middle domain lies inside the mesh: all have 8
  // elements, the neighbours' as ghost corners.
  const Decomposition& middle = all[13];
  for (std::size_t n = 0; n + 1 < middle.node_source_start.size(); ++n)
    EXPECT_EQ(middle.node_source_start[n + 1] - middle.node_source_start[n], 8) << n;
  EXPECT_EQ(Index(middle.node_sources.size()), 8 * (kEdge + 1) * (kEdge + 1) * (kEdge + 1));
}

TEST(LuleshDecomposition, ASingleDomainHasNoPeersAndItsOwnBorders) {
  const Decomposition d = decompose(Placement{}, 3);
  EXPECT_TRUE(d.peers.empty());
  EXPECT_EQ(d.ghost_corners, 0);
  EXPECT_EQ(d.face_neighbour[kXiMinus][0], 0);        // symmetry plane: itself
  EXPECT_EQ(d.face_neighbour[kXiPlus][2], 27);        // free surface slot
  EXPECT_EQ(d.face_neighbour[kEtaPlus][0], 3);        // the next row
  EXPECT_EQ(d.face_neighbour[kZetaMinus][9 + 4], 4);  // the plane below
}

struct DecomposedRun {
  std::vector<std::unique_ptr<Domain>> domains;
  std::vector<Failure> failures;
};

// Every rank of a side^3 decomposition in its own thread, each with
// `threads` OpenMP threads.
DecomposedRun run_decomposed(Index side, Index edge, Index cycles, int threads) {
  const int ranks = int(side * side * side);
  testing::ThreadNetwork network(ranks);
  DecomposedRun run;
  run.domains.resize(ranks);
  run.failures.assign(ranks, Failure::None);
  std::vector<std::thread> workers;
  for (int rank = 0; rank < ranks; ++rank)
    workers.emplace_back([&, rank] {
      omp_set_num_threads(threads);
      const std::unique_ptr<Transport> transport = network.transport(rank);
      run.domains[rank] =
          std::make_unique<Domain>(edge, Regions::Settings{}, Placement::of_rank(rank, side));
      Halo halo(*run.domains[rank], *transport);
      run.failures[rank] = run_leapfrog(*run.domains[rank], cycles, &halo);
    });
  for (std::thread& worker : workers) worker.join();
  return run;
}

// Bitwise equality of the decomposed run with the whole mesh's, field by
// field: any difference in the order of an addition would show.
void expect_same_as_whole(const DecomposedRun& parts, Index side, Index edge, Index cycles) {
  Domain whole(side * edge, Regions::Settings{});
  const Failure failure = run_leapfrog(whole, cycles);
  const Index mesh = side * edge, en = edge + 1;
  for (const auto& part : parts.domains) {
    const Placement& at = part->placement;
    const int rank = at.rank();
    EXPECT_EQ(parts.failures[rank], failure);
    ASSERT_EQ(part->clock.cycle, whole.clock.cycle) << "rank " << rank;
    EXPECT_EQ(part->clock.time, whole.clock.time);
    int wrong_elements = 0, wrong_nodes = 0;
    for (Index k = 0; k < part->num_elem; ++k) {
      const Index gx = at.col * edge + k % edge, gy = at.row * edge + (k / edge) % edge,
                  gz = at.plane * edge + k / (edge * edge);
      const Index g = gx + mesh * (gy + mesh * gz);
      wrong_elements += part->e[k] != whole.e[g] || part->p[k] != whole.p[g] ||
                        part->q[k] != whole.q[g] || part->v[k] != whole.v[g];
    }
    for (Index n = 0; n < part->num_node; ++n) {
      const Index gx = at.col * edge + n % en, gy = at.row * edge + (n / en) % en,
                  gz = at.plane * edge + n / (en * en);
      const Index g = gx + (mesh + 1) * (gy + (mesh + 1) * gz);
      wrong_nodes += part->x[n] != whole.x[g] || part->yd[n] != whole.yd[g] ||
                     part->nodal_mass[n] != whole.nodal_mass[g];
    }
    EXPECT_EQ(wrong_elements, 0) << "rank " << rank;
    EXPECT_EQ(wrong_nodes, 0) << "rank " << rank;
  }
  EXPECT_EQ(parts.domains[0]->e[0], whole.e[0]);
}

TEST(LuleshDecomposition, EightDomainsEqualTheWholeMeshBitForBit) {
  for (const Index edge : {2, 3, 5}) {
    SCOPED_TRACE(edge);
    const DecomposedRun parts = run_decomposed(2, edge, 1000000, 1);
    expect_same_as_whole(parts, 2, edge, 1000000);
  }
}

TEST(LuleshDecomposition, TwentySevenDomainsWithThreadsEqualTheWholeMesh) {
  // The middle domain exchanges with all 26 neighbours; two OpenMP threads
  // per domain drive the exchanges from the master thread.
  const DecomposedRun parts = run_decomposed(3, 2, 100, 2);
  expect_same_as_whole(parts, 3, 2, 100);
}

}  // namespace
}  // namespace corebench::lulesh
