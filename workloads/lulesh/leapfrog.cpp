// One parallel region for the whole run. Each cycle is four work-shared
// sweeps separated by the only barriers the data flow needs:
//
//   1. elements: stress and hourglass forces of each corner
//   2. nodes:    sum corner forces, accelerate, hold symmetry planes, move
//   3. elements: new volumes, strain rates, velocity gradients
//   4. regions:  monotonic q (reads neighbours' gradients from sweep 3),
//                equation of state, new volume, time-step constraints
//
// A decomposed domain exchanges after sweeps 1 and 3 and agrees on the
// next time step with the others after sweep 4, each on the master thread
// between barriers (MPI_THREAD_FUNNELED).
//
// LULESH runs the same steps as some 70 separate parallel loops per cycle,
// plus 13 per equation-of-state pass of every region. Every thread
// keeps its own identical copy of the clock, so choosing the next time step
// needs no extra synchronisation. All work is per element or per node, so
// the answers do not depend on the number of threads.
#include "workloads/lulesh/leapfrog.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <vector>

#include "workloads/lulesh/equation_of_state.h"
#include "workloads/lulesh/halo.h"
#include "workloads/lulesh/hourglass.h"
#include "workloads/lulesh/kinematics.h"
#include "workloads/lulesh/nodal_update.h"
#include "workloads/lulesh/stress.h"
#include "workloads/lulesh/time_step.h"
#include "workloads/lulesh/viscosity.h"

namespace corebench::lulesh {
namespace {

// Elements evaluated together by the equation of state: its repeated
// passes then work on data in the first-level cache.
constexpr int kEosBlock = 64;

struct alignas(64) ThreadConstraints {
  TimeConstraints limits;
};

// Two slots, used by alternate cycles: a thread that already runs the next
// cycle must not change what the others are about to read for this one.
class FailureFlags {
 public:
  void raise(Index cycle, Failure failure) {
    slots_[cycle & 1].store(static_cast<int>(failure), std::memory_order_relaxed);
  }
  Failure seen(Index cycle) const {
    return static_cast<Failure>(slots_[cycle & 1].load(std::memory_order_relaxed));
  }

 private:
  std::atomic<int> slots_[2] = {0, 0};
};

// Hands the tiles [begin, end) of `count` items out to the threads.
template <class TileBody>
void for_each_tile(Index count, TileBody body) {
  const Index tiles = (count + kTile - 1) / kTile;
#pragma omp for schedule(dynamic)
  for (Index t = 0; t < tiles; ++t) body(t * kTile, std::min(count, (t + 1) * kTile));
}

[[gnu::always_inline]] inline void gather_positions_and_velocities(const Domain& d,
                                                                   CornerLane<const Index> nodes,
                                                                   Hex& hex, Hex& vel) {
  gather(nodes, d.x.data(), d.y.data(), d.z.data(), hex);
  gather(nodes, d.xd.data(), d.yd.data(), d.zd.data(), vel);
}

// Runs body(first, lanes) for each lane block of the tile [begin, end).
template <class BlockBody>
void for_each_lane_block(Index begin, Index end, BlockBody body) {
  for (Index first = begin; first < end; first += kLanes)
    body(first, std::min(kLanes, end - first));
}

// Sweep 1 for the elements [begin, end), one per vector lane. Returns false
// when one of them has turned inside out.
bool corner_forces(Domain& d, Index begin, Index end) {
  Real coefficient[kTile];
  for (Index k = begin; k < end; ++k) coefficient[k - begin] = hourglass_coefficient(d, k);
  int inverted = 0;
  for_each_lane_block(begin, end, [&](Index first, Index lanes) {
    const Index* nodes = d.node_block(first);
    Real* forces = d.force_block(first);
    const Real* block_coefficient = coefficient + (first - begin);
#pragma omp simd reduction(| : inverted)
    for (Index lane = 0; lane < lanes; ++lane) {
      const Index k = first + lane;
      Hex hex, vel;
      gather_positions_and_velocities(d, {nodes, lane}, hex, vel);
      const Real volume = stress_corner_forces(d, k, hex, {forces, lane});
      hourglass_corner_forces(d, k, hex, vel, block_coefficient[lane], {forces, lane});
      inverted |= int(volume <= Real(0.0)) | int(d.v[k] <= Real(0.0));
    }
  });
  return inverted == 0;
}

// Sweep 3 for the elements [begin, end), one per vector lane.
bool element_update(Domain& d, Index begin, Index end, Real dt) {
  int inverted = 0;
  for_each_lane_block(begin, end, [&](Index first, Index lanes) {
    const Index* nodes = d.node_block(first);
#pragma omp simd reduction(| : inverted)
    for (Index lane = 0; lane < lanes; ++lane) {
      const Index k = first + lane;
      Hex hex, vel;
      gather_positions_and_velocities(d, {nodes, lane}, hex, vel);
      inverted |= int(element_kinematics(d, k, hex, vel, dt) <= Real(0.0));
      viscosity_gradients(d, k, hex, vel);
    }
  });
  return inverted == 0;
}

Real within_eos_bounds(Real v) {
  if (v < kEosVolumeMin) v = kEosVolumeMin;
  if (v > kEosVolumeMax) v = kEosVolumeMax;
  return v;
}

// Sweep 4 for up to kEosBlock elements of one region.
Failure material_update(Domain& d, const Index* elements, int count, int repetitions,
                        TimeConstraints& limits) {
  Real vnew[kEosBlock];
  ViscosityTerms terms[kEosBlock];
  int excessive_q = 0, inverted = 0;
#pragma omp simd reduction(| : excessive_q, inverted)
  for (int i = 0; i < count; ++i) {
    const Index k = elements[i];
    excessive_q |= int(d.q[k] > kViscosityStop);
    inverted |= int(within_eos_bounds(d.v[k]) <= Real(0.));
    terms[i] = monotonic_q(d, k, d.vnew[k]);
    vnew[i] = within_eos_bounds(d.vnew[k]);
  }
  // LULESH checks q over all elements before it checks volumes.
  if (excessive_q) return Failure::ExcessiveViscosity;
  if (inverted) return Failure::NegativeVolume;

  // Costly regions evaluate their equation of state several times over, as
  // a more complex material model would: LULESH's imbalance by design.
  EosResult result[kEosBlock];
  for (int pass = 0; pass < repetitions; ++pass) {
#pragma omp simd
    for (int i = 0; i < count; ++i) {
      const Index k = elements[i];
      result[i] = evaluate_eos(
          {vnew[i], d.delv[k], d.e[k], d.p[k], d.q[k], terms[i].linear, terms[i].quadratic});
    }
  }

  Real courant = limits.courant, hydro = limits.hydro;
#pragma omp simd reduction(min : courant, hydro)
  for (int i = 0; i < count; ++i) {
    const Index k = elements[i];
    d.e[k] = result[i].e;
    d.p[k] = result[i].p;
    d.q[k] = result[i].q;
    d.ss[k] = sound_speed(result[i], vnew[i]);
    d.v[k] = std::fabs(vnew[i] - Real(1.0)) < kVolumeCut ? Real(1.0) : vnew[i];
    const TimeConstraints element = constraints_of(d, k);
    courant = std::min(courant, element.courant);
    hydro = std::min(hydro, element.hydro);
  }
  limits = {courant, hydro};
  return Failure::None;
}

// Runs `exchange` on the master thread while the others wait; every
// thread sees what it wrote afterwards.
template <class Exchange>
void on_master(Exchange exchange) {
#pragma omp master
  exchange();
#pragma omp barrier
}

}  // namespace

Failure run_leapfrog(Domain& d, Index max_cycles, Halo* halo) {
  TimeConstraints agreed;
  FailureFlags failures;
  std::vector<ThreadConstraints> per_thread(omp_get_max_threads());
  const std::vector<MaterialChunk>& chunks = d.regions.chunks();
  const auto chunk_count = static_cast<Index>(chunks.size());

#pragma omp parallel
  {
    Clock clock = d.clock;
    while (clock.time < kStopTime && clock.cycle < max_cycles) {
      advance_clock(clock);
      const Index cycle = clock.cycle;
      const Real dt = clock.deltatime;

      for_each_tile(d.num_elem, [&](Index begin, Index end) {
        if (!corner_forces(d, begin, end)) failures.raise(cycle, Failure::NegativeVolume);
      });
      if (halo) on_master([&] { halo->share_corner_forces(); });
      for_each_tile(d.num_node, [&](Index begin, Index end) {
        for (Index n = begin; n < end; ++n) advance_node(d, n, dt);
      });
      for_each_tile(d.num_elem, [&](Index begin, Index end) {
        if (!element_update(d, begin, end, dt)) failures.raise(cycle, Failure::NegativeVolume);
      });
      if (halo) on_master([&] { halo->share_gradients(); });

      TimeConstraints limits;
#pragma omp for schedule(dynamic) nowait
      for (Index c = 0; c < chunk_count; ++c) {
        const MaterialChunk& chunk = chunks[c];
        const Index* elements = d.regions.elements(chunk.region).data();
        const int repetitions = d.regions.repetitions(chunk.region);
        for (Index b = chunk.begin; b < chunk.end; b += kEosBlock) {
          const int count = std::min<Index>(kEosBlock, chunk.end - b);
          const Failure f = material_update(d, elements + b, count, repetitions, limits);
          if (f != Failure::None) failures.raise(cycle, f);
        }
      }
      per_thread[omp_get_thread_num()].limits = limits;
#pragma omp barrier
      TimeConstraints all;
      for (int t = 0; t < omp_get_num_threads(); ++t) all.merge(per_thread[t].limits);
      if (halo) {
        // `agreed` is read before the next cycle's first barrier and not
        // written again until after its second.
        on_master([&] {
          agreed = all;
          Failure failure = failures.seen(cycle);
          halo->agree(agreed, failure);
          if (failure != Failure::None) failures.raise(cycle, failure);
        });
        all = agreed;
      }
      clock.dtcourant = all.courant;
      clock.dthydro = all.hydro;
      if (failures.seen(cycle) != Failure::None) break;
    }
    if (omp_get_thread_num() == 0) d.clock = clock;
  }
  return failures.seen(d.clock.cycle);
}

}  // namespace corebench::lulesh
