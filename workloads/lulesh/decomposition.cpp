#include "workloads/lulesh/decomposition.h"

#include <algorithm>
#include <stdexcept>

namespace corebench::lulesh {
namespace {

using Point = std::array<Index, 3>;  // global x, y, z (column, row, plane)

// The elements around a node, in ascending global element order: offsets
// (dx, dy, dz) in {-1, 0}, z slowest.
constexpr int kOctants = 8;
Point octant_offset(int octant) {
  return {(octant & 1) - 1, ((octant >> 1) & 1) - 1, ((octant >> 2) & 1) - 1};
}

// LULESH's corner numbering: the bottom face counter-clockwise from the
// element's origin, then the top face.
int corner_at(Index ix, Index iy, Index iz) {
  return int(4 * iz + (iy ? (ix ? 2 : 3) : ix));
}

struct Box {
  Point low, high;  // inclusive
  bool holds(const Point& p) const {
    for (int a = 0; a < 3; ++a)
      if (p[a] < low[a] || p[a] > high[a]) return false;
    return true;
  }
};

Point origin_of(const Placement& where, Index edge) {
  return {where.col * edge, where.row * edge, where.plane * edge};
}
Box node_box(const Placement& where, Index edge) {
  const Point o = origin_of(where, edge);
  return {o, {o[0] + edge, o[1] + edge, o[2] + edge}};
}
Box element_box(const Placement& where, Index edge) {
  const Point o = origin_of(where, edge);
  return {o, {o[0] + edge - 1, o[1] + edge - 1, o[2] + edge - 1}};
}

// A node's element: the node, and which of its octants.
struct NodeOctant {
  Point node;
  int octant;
  Point element() const {
    const Point d = octant_offset(octant);
    return {node[0] + d[0], node[1] + d[1], node[2] + d[2]};
  }
};

// The corners that `from`'s elements give to nodes `to` also holds, in
// the order both of them use: ascending global node, then ascending
// element.
std::vector<NodeOctant> shared_corners(const Placement& from, const Placement& to, Index edge) {
  const Box a = node_box(from, edge), b = node_box(to, edge);
  const Box owned = element_box(from, edge);
  Box both;
  for (int i = 0; i < 3; ++i) {
    both.low[i] = std::max(a.low[i], b.low[i]);
    both.high[i] = std::min(a.high[i], b.high[i]);
  }
  std::vector<NodeOctant> corners;
  for (Index z = both.low[2]; z <= both.high[2]; ++z)
    for (Index y = both.low[1]; y <= both.high[1]; ++y)
      for (Index x = both.low[0]; x <= both.high[0]; ++x)
        for (int octant = 0; octant < kOctants; ++octant) {
          const NodeOctant corner{{x, y, z}, octant};
          if (owned.holds(corner.element())) corners.push_back(corner);
        }
  return corners;
}

class Local {
 public:
  Local(const Placement& where, Index edge) : origin_(origin_of(where, edge)), edge_(edge) {}
  Index node(const Point& p) const {
    const Index en = edge_ + 1;
    return (p[0] - origin_[0]) + en * ((p[1] - origin_[1]) + en * (p[2] - origin_[2]));
  }
  Index element(const Point& p) const {
    return (p[0] - origin_[0]) + edge_ * ((p[1] - origin_[1]) + edge_ * (p[2] - origin_[2]));
  }
  // The corner of `element` (global) that is at `node` (global).
  static int corner(const NodeOctant& c) {
    const Point d = octant_offset(c.octant);
    return corner_at(-d[0], -d[1], -d[2]);
  }

 private:
  Point origin_;
  Index edge_;
};

std::vector<Placement> neighbours(const Placement& where) {
  std::vector<Placement> found;
  for (int dz = -1; dz <= 1; ++dz)
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx)
        if ((dx || dy || dz) && where.has_neighbour(dx, dy, dz))
          found.push_back({where.side, where.col + dx, where.row + dy, where.plane + dz});
  // Already in ascending rank: z slowest, as ranks count.
  return found;
}

// The face of `where` that borders `other`, or kFaceCount if they meet
// only along an edge or at a corner.
int face_towards(const Placement& where, const Placement& other) {
  const Index d[3] = {other.col - where.col, other.row - where.row, other.plane - where.plane};
  if (std::count(d, d + 3, 0) != 2) return kFaceCount;
  for (int axis = 0; axis < 3; ++axis)
    if (d[axis] != 0) return 2 * axis + (d[axis] > 0 ? 1 : 0);
  return kFaceCount;
}

// The elements of an edge^3 block along `face`, in ascending order.
std::vector<Index> elements_along(int face, Index edge) {
  const int axis = face / 2;
  const Index layer = face % 2 ? edge - 1 : 0;
  std::vector<Index> elements;
  for (Index k = 0; k < edge * edge * edge; ++k) {
    const Index at[3] = {k % edge, (k / edge) % edge, k / (edge * edge)};
    if (at[axis] == layer) elements.push_back(k);
  }
  return elements;
}

void add_peers(Decomposition& d, const Placement& where, Index edge, std::vector<Index>& ghost_at) {
  const Local local(where, edge);
  const Index face_slots = edge * edge;
  const Index first_face_slot = edge * edge * edge + 1;
  for (const Placement& other : neighbours(where)) {
    HaloPeer peer;
    peer.rank = other.rank();
    for (const NodeOctant& c : shared_corners(where, other, edge))
      peer.send_corners.push_back({local.element(c.element()), Local::corner(c)});
    peer.first_ghost = d.ghost_corners;
    for (const NodeOctant& c : shared_corners(other, where, edge))
      ghost_at[std::size_t(local.node(c.node)) * kOctants + c.octant] =
          peer.first_ghost + peer.ghost_count++;
    d.ghost_corners += peer.ghost_count;
    peer.face = face_towards(where, other);
    if (peer.face != kFaceCount) {
      peer.face_elements = elements_along(peer.face, edge);
      peer.first_gradient_slot = first_face_slot + peer.face * face_slots;
    }
    d.peers.push_back(std::move(peer));
  }
}

void add_node_sources(Decomposition& d, const Placement& where, Index edge,
                      const std::vector<Index>& ghost_at) {
  const Local local(where, edge);
  const Box nodes = node_box(where, edge), owned = element_box(where, edge);
  const Index mesh = where.side * edge;
  const Box mesh_elements{{0, 0, 0}, {mesh - 1, mesh - 1, mesh - 1}};
  d.node_source_start.assign(1, 0);
  for (Index z = nodes.low[2]; z <= nodes.high[2]; ++z)
    for (Index y = nodes.low[1]; y <= nodes.high[1]; ++y)
      for (Index x = nodes.low[0]; x <= nodes.high[0]; ++x) {
        for (int octant = 0; octant < kOctants; ++octant) {
          const NodeOctant c{{x, y, z}, octant};
          if (!mesh_elements.holds(c.element())) continue;
          if (owned.holds(c.element())) {
            d.node_sources.push_back({local.element(c.element()), Local::corner(c)});
            continue;
          }
          const Index ghost = ghost_at[std::size_t(local.node(c.node)) * kOctants + octant];
          if (ghost < 0) throw std::logic_error("lulesh: a border corner has no sender");
          d.node_sources.push_back({-1 - ghost, 0});
        }
        d.node_source_start.push_back(static_cast<Index>(d.node_sources.size()));
      }
}

void add_face_neighbours(Decomposition& d, Index edge) {
  const Index num_elem = edge * edge * edge, free_surface = num_elem;
  const Index stride[3] = {1, edge, edge * edge};
  for (auto& slots : d.face_neighbour) slots.resize(num_elem);
  for (Index k = 0; k < num_elem; ++k) {
    const Index at[3] = {k % edge, (k / edge) % edge, k / (edge * edge)};
    for (int axis = 0; axis < 3; ++axis) {
      // On the mesh's border: the symmetry plane at the origin side reads
      // the element itself, the free surface at the far side reads zero.
      d.face_neighbour[2 * axis][k] = at[axis] == 0 ? k : k - stride[axis];
      d.face_neighbour[2 * axis + 1][k] = at[axis] == edge - 1 ? free_surface : k + stride[axis];
    }
  }
  for (const HaloPeer& peer : d.peers)
    for (std::size_t i = 0; i < peer.face_elements.size(); ++i)
      d.face_neighbour[peer.face][peer.face_elements[i]] =
          peer.first_gradient_slot + static_cast<Index>(i);
}

}  // namespace

Placement Placement::of_rank(int rank, Index side) {
  return {side, rank % side, (rank / side) % side, rank / (side * side)};
}

bool Placement::has_neighbour(int dcol, int drow, int dplane) const {
  const auto inside = [&](Index at, int step) { return at + step >= 0 && at + step < side; };
  return inside(col, dcol) && inside(row, drow) && inside(plane, dplane);
}

Decomposition decompose(const Placement& where, Index edge) {
  Decomposition d;
  std::vector<Index> ghost_at(std::size_t(edge + 1) * (edge + 1) * (edge + 1) * kOctants, -1);
  add_peers(d, where, edge, ghost_at);
  add_node_sources(d, where, edge, ghost_at);
  add_face_neighbours(d, edge);
  return d;
}

}  // namespace corebench::lulesh
