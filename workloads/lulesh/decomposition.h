// LULESH's domain decomposition: the global cube of elements cut into a
// cube of side^3 domains, one per MPI rank, each an edge^3 block with its
// own copy of the nodes on its borders.
//
// What the domains must share, worked out from the geometry alone so that
// both sides of every exchange agree on its order without telling each
// other:
//   - the corner forces (and, once, the volumes) of the elements around a
//     border node, from every domain that owns one of them: faces, edges
//     and corners, up to 26 neighbours;
//   - the velocity gradients of the elements across a face, which the
//     monotonic-q limiter of the element on the other side reads.
//
// LULESH sends each neighbour its partial sum of a node's forces. Here
// each corner travels on its own instead, so that every node adds up the
// corners of its elements in ascending global element order, the order a
// single domain of the whole mesh uses: the decomposed run then gives
// bit for bit the answer of the undecomposed one.
#pragma once

#include <array>
#include <vector>

#include "workloads/lulesh/parameters.h"

namespace corebench::lulesh {

// Where a domain sits in a cube of side^3 domains; LULESH numbers them
// column first (rank = col + side * (row + side * plane)).
struct Placement {
  Index side = 1;
  Index col = 0;
  Index row = 0;
  Index plane = 0;

  static Placement of_rank(int rank, Index side);
  int rank() const { return col + side * (row + side * plane); }
  bool is_origin() const { return col == 0 && row == 0 && plane == 0; }
  bool has_neighbour(int dcol, int drow, int dplane) const;
};

// The six faces of an element, in LULESH's order: -xi, +xi, -eta, +eta,
// -zeta, +zeta.
enum Face { kXiMinus, kXiPlus, kEtaMinus, kEtaPlus, kZetaMinus, kZetaPlus, kFaceCount };

// Corner `corner` (LULESH's corner order) of local element `element`.
struct ElementCorner {
  Index element;
  int corner;
};

// Another domain this one exchanges with.
struct HaloPeer {
  int rank = 0;
  // The corners of this domain's elements at nodes the peer also holds,
  // in the agreed order.
  std::vector<ElementCorner> send_corners;
  // The peer's corners arrive as ghost corners first_ghost, first_ghost + 1,
  // ... (ghost_count of them).
  Index first_ghost = 0;
  Index ghost_count = 0;
  // For a peer across a face (kFaceCount for one along an edge or at a corner): that face, the
  // elements of this domain along it (whose gradient normal to the face the
  // peer reads), and where the peer's arrive: gradient slots
  // first_gradient_slot, first_gradient_slot + 1, ... of the face's axis.
  int face = kFaceCount;
  std::vector<Index> face_elements;
  Index first_gradient_slot = 0;
};

// Everything a domain needs to know about its neighbours.
struct Decomposition {
  std::vector<HaloPeer> peers;  // ascending rank
  Index ghost_corners = 0;      // all peers' ghost_count
  // Each local node's corners in ascending global element order: a local
  // element's corner, or (element < 0) ghost corner -1 - element.
  std::vector<Index> node_source_start;  // num_node + 1
  std::vector<ElementCorner> node_sources;
  // For each face and element: the slot the monotonic-q limiter reads
  // across it in the gradient arrays (see Domain::face_neighbour).
  std::array<std::vector<Index>, kFaceCount> face_neighbour;
};

// The decomposition of the domain at `where`, edge^3 elements each.
// Gradient slots past the domain's elements: free_surface_slot (always
// zero), then edge^2 ghost slots per face, face by face.
Decomposition decompose(const Placement& where, Index edge);

}  // namespace corebench::lulesh
