// One parallel region for the whole run. Each cycle is four work-shared
// sweeps separated by the only barriers the data flow needs:
//
//   1. elements: stress and hourglass forces of each corner
//   2. nodes:    sum corner forces, accelerate, hold symmetry planes, move
//   3. elements: new volumes, strain rates, velocity gradients
//   4. regions:  monotonic q (reads neighbours' gradients from sweep 3),
//                equation of state, new volume, time-step constraints
//
// LULESH runs the same steps as some 60 separate parallel loops per cycle,
// plus about 12 per equation-of-state pass of every region. Every thread
// keeps its own identical copy of the clock, so choosing the next time step
// needs no extra synchronisation. All work is per element or per node, so
// the answers do not depend on the number of threads.
#include "workloads/lulesh/leapfrog.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <vector>

#include "workloads/lulesh/equation_of_state.h"
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

template <class Body>
void for_each_in_tiles(Index count, Body body) {
  const Index tiles = (count + kTile - 1) / kTile;
#pragma omp for schedule(dynamic)
  for (Index t = 0; t < tiles; ++t)
    for (Index i = t * kTile; i < std::min(count, (t + 1) * kTile); ++i) body(i);
}

void gather_positions_and_velocities(const Domain& d, Index k, Hex& hex, Hex& vel) {
  const Index* corners = &d.nodelist[8 * std::size_t(k)];
  gather_hex(corners, d.x.data(), d.y.data(), d.z.data(), hex);
  gather_hex(corners, d.xd.data(), d.yd.data(), d.zd.data(), vel);
}

// Sweep 1 for element k.
bool corner_forces(Domain& d, Index k) {
  Hex hex, vel;
  gather_positions_and_velocities(d, k, hex, vel);
  CornerForce* corners = &d.corner_forces[8 * std::size_t(k)];
  const Real volume = stress_corner_forces(d, k, hex, corners);
  const Real v = d.v[k];
  if (volume <= Real(0.0) || v <= Real(0.0)) return false;
  hourglass_corner_forces(d, k, hex, vel, d.volo[k] * v, corners);
  return true;
}

// Sweep 3 for element k.
bool element_update(Domain& d, Index k, Real dt) {
  Hex hex, vel;
  gather_positions_and_velocities(d, k, hex, vel);
  if (!element_kinematics(d, k, hex, vel, dt)) return false;
  viscosity_gradients(d, k, hex, vel);
  return true;
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
  for (int i = 0; i < count; ++i) {
    const Index k = elements[i];
    if (d.q[k] > kViscosityStop) return Failure::ExcessiveViscosity;
    terms[i] = monotonic_q(d, k, d.vnew[k]);
    vnew[i] = within_eos_bounds(d.vnew[k]);
    if (within_eos_bounds(d.v[k]) <= Real(0.)) return Failure::NegativeVolume;
  }

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

  for (int i = 0; i < count; ++i) {
    const Index k = elements[i];
    d.e[k] = result[i].e;
    d.p[k] = result[i].p;
    d.q[k] = result[i].q;
    d.ss[k] = sound_speed(result[i], vnew[i]);
    d.v[k] = std::fabs(vnew[i] - Real(1.0)) < kVolumeCut ? Real(1.0) : vnew[i];
    constrain(d, k, limits);
  }
  return Failure::None;
}

}  // namespace

Failure run_leapfrog(Domain& d, Index max_cycles) {
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

      for_each_in_tiles(d.num_elem, [&](Index k) {
        if (!corner_forces(d, k)) failures.raise(cycle, Failure::NegativeVolume);
      });
      for_each_in_tiles(d.num_node, [&](Index n) { advance_node(d, n, dt); });
      for_each_in_tiles(d.num_elem, [&](Index k) {
        if (!element_update(d, k, dt)) failures.raise(cycle, Failure::NegativeVolume);
      });

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
      clock.dtcourant = all.courant;
      clock.dthydro = all.hydro;
      if (failures.seen(cycle) != Failure::None) break;
    }
    if (omp_get_thread_num() == 0) d.clock = clock;
  }
  return failures.seen(d.clock.cycle);
}

}  // namespace corebench::lulesh
