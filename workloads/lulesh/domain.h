// The LULESH domain: one cube of hexahedral elements of the Sedov blast
// mesh, with every nodal and element field in its own 64-byte-aligned array
// (structure of arrays), first touched by the threads that later use it.
//
// A domain is the whole mesh or one block of its decomposition
// (decomposition.h): then it also holds ghost corners, the corner forces
// its border nodes receive from its neighbours' elements, and ghost
// velocity gradients of the elements across its faces.
#pragma once

#include <array>
#include <cstdint>

#include "workloads/common/aligned_buffer.h"
#include "workloads/lulesh/decomposition.h"
#include "workloads/lulesh/element_geometry.h"
#include "workloads/lulesh/parameters.h"
#include "workloads/lulesh/regions.h"

namespace corebench::lulesh {

// Elements (or nodes) a thread takes at a time: enough to hide the cost of
// handing work out, small enough to balance unequal cores.
constexpr Index kTile = 256;

// Bits of Domain::node_symmetry: the node lies on the x = 0, y = 0 or
// z = 0 symmetry plane, where its acceleration normal to the plane is zero.
enum SymmetryPlane : std::uint8_t { kSymmetryX = 1, kSymmetryY = 2, kSymmetryZ = 4 };

// Per-corner values (connectivity, forces) are stored in blocks of kLanes
// consecutive elements: within a block, one corner's value (or one force
// component) of all its elements lie side by side. The element loops take
// a block at a time with one element per vector lane, so they read and
// write whole vectors, and the node loop finds all corners of an element
// within one block.
constexpr Index kLanes = 8;
static_assert(kTile % kLanes == 0, "tiles are whole lane blocks");

// Stress x, y, z, then hourglass x, y, z. The two parts stay apart because
// LULESH sums them separately per node; keeping its order of additions
// keeps its answers.
constexpr int kForceComponents = 6;

// Values per element of the lane-blocked arrays.
constexpr int kNodeItems = 8;
constexpr int kForceItems = 8 * kForceComponents;

// One element's lane of a block of per-corner values.
template <class T>
struct CornerLane {
  T* block;
  Index lane;
  T& operator[](int item) const { return block[std::size_t(item) * kLanes + lane]; }
};

// The block of lane-blocked storage, `items` values per element, that
// begins at element `first` (a multiple of kLanes).
template <class T>
T* lane_block(T* data, int items, Index first) {
  return data + std::size_t(first) * items;
}

// Element k's lane in lane-blocked storage.
template <class T>
CornerLane<T> lane_of(T* data, int items, Index k) {
  return {lane_block(data, items, k - k % kLanes), k % kLanes};
}

[[gnu::always_inline]] inline void gather(CornerLane<const Index> nodes, const Real* x,
                                          const Real* y, const Real* z, Hex& hex) {
#pragma GCC unroll 8
  for (int c = 0; c < 8; ++c) {
    const Index n = nodes[c];
    hex.x[c] = x[n];
    hex.y[c] = y[n];
    hex.z[c] = z[n];
  }
}

// The scalar state of the time integration.
struct Clock {
  Real time = 0;
  Real deltatime = 0;
  Real dtcourant = kNoTimeConstraint;
  Real dthydro = kNoTimeConstraint;
  Index cycle = 0;
};

struct Domain {
  // Builds a cube of edge_elems^3 elements; the fields hold the initial
  // state afterwards (as after reset()). A domain with neighbours still
  // lacks the masses of its border nodes: see set_masses().
  Domain(Index edge_elems, const Regions::Settings& regions, Placement placement = {});

  // Nodal masses from the element volumes, given ghost_volume[g], the
  // volume of ghost corner g's element.
  void set_masses(const std::vector<Real>& ghost_volume);

  // Brings every evolving field back to the initial Sedov state.
  void reset();

  Placement placement;
  std::vector<HaloPeer> peers;
  Index ghost_corners = 0;
  Index edge_elems;
  Index edge_nodes;
  Index num_elem;
  Index num_node;
  Regions regions;
  Clock clock;

  // Nodal fields.
  AlignedBuffer<Real> x, y, z;     // coordinates
  AlignedBuffer<Real> xd, yd, zd;  // velocities
  AlignedBuffer<Real> nodal_mass;
  AlignedBuffer<std::uint8_t> node_symmetry;  // SymmetryPlane bits
  // The element corners at each node in ascending global element order,
  // as the index in corner_force of the corner's first component (a ghost
  // corner's, for a neighbour's element): node n owns
  // node_corners[node_corner_start[n] .. node_corner_start[n + 1]).
  AlignedBuffer<Index> node_corners;
  AlignedBuffer<Index> node_corner_start;

  // Element connectivity in lane blocks: the node at corner c (LULESH's
  // corner order) of element k is nodes_of(k)[c].
  AlignedBuffer<Index> nodelist;
  const Index* node_block(Index first) const {
    return lane_block(nodelist.data(), kNodeItems, first);
  }
  CornerLane<const Index> nodes_of(Index k) const {
    return lane_of(nodelist.data(), kNodeItems, k);
  }
  // For each face, the slot of the velocity gradient arrays that the
  // monotonic-q limiter reads across it: the neighbour inside the domain,
  // a ghost slot for a neighbour in another domain, the element itself on
  // a symmetry plane, or free_surface_slot() (always zero) on the free
  // surface.
  std::array<AlignedBuffer<Index>, kFaceCount> face_neighbour;

  // Element fields.
  AlignedBuffer<Real> e;       // specific internal energy
  AlignedBuffer<Real> p;       // pressure
  AlignedBuffer<Real> q;       // artificial viscosity
  AlignedBuffer<Real> v;       // relative volume
  AlignedBuffer<Real> vnew;    // relative volume at the end of the step
  AlignedBuffer<Real> volo;    // reference volume
  AlignedBuffer<Real> delv;    // vnew - v
  AlignedBuffer<Real> vdov;    // volume derivative over volume
  AlignedBuffer<Real> arealg;  // characteristic length
  AlignedBuffer<Real> ss;      // sound speed
  AlignedBuffer<Real> elem_mass;
  // Velocity and position gradients for the monotonic q; past the
  // elements the velocity gradients hold free_surface_slot(), always zero,
  // then the ghost slots (decomposition.h).
  AlignedBuffer<Real> delv_xi, delv_eta, delv_zeta;
  AlignedBuffer<Real> delx_xi, delx_eta, delx_zeta;

  // Per-corner forces of the current step in lane blocks: component a of
  // corner c of element k is forces_of(k)[c * kForceComponents + a]; the
  // ghost corners follow (ghost_force_index()).
  AlignedBuffer<Real> corner_force;
  Real* force_block(Index first) { return lane_block(corner_force.data(), kForceItems, first); }
  CornerLane<Real> forces_of(Index k) { return lane_of(corner_force.data(), kForceItems, k); }

  // Where ghost corner g keeps its first force component; the others
  // follow kLanes apart, as a local corner's do.
  Index ghost_force_index(Index g) const {
    return kForceItems * padded_elems() + g / kLanes * kForceComponents * kLanes + g % kLanes;
  }
  Index free_surface_slot() const { return num_elem; }
  // Elements, free_surface_slot() and edge^2 ghost slots per face.
  Index gradient_slots() const { return num_elem + 1 + kFaceCount * edge_elems * edge_elems; }
  // num_elem rounded up to whole lane blocks.
  Index padded_elems() const { return (num_elem + kLanes - 1) / kLanes * kLanes; }
  // Specific energy the blast deposits in the element at the origin.
  Real blast_specific_energy() const;
  // The reference volume of the element at the origin of the whole mesh,
  // which sets the first time step of every domain.
  Real origin_volume = 0;

 private:
  Domain(Index edge_elems, const Regions::Settings& regions, Placement placement,
         Decomposition decomposition);
  void build_connectivity();
  void build_node_corners(const Decomposition& decomposition);
  void build_faces(const Decomposition& decomposition);
  void place_nodes();
  void compute_volumes();
};

}  // namespace corebench::lulesh
