#include "workloads/lulesh/domain.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "workloads/lulesh/element_geometry.h"

namespace corebench::lulesh {
namespace {

// Runs body(i) for i in [0, count), split into tiles the way the leapfrog
// hands them out, so that each page is first touched by a thread that will
// work on it.
template <class Body>
void first_touch(Index count, Body body) {
  const Index tiles = (count + kTile - 1) / kTile;
#pragma omp parallel for schedule(static)
  for (Index t = 0; t < tiles; ++t)
    for (Index i = t * kTile; i < std::min(count, (t + 1) * kTile); ++i) body(i);
}

}  // namespace

Domain::Domain(Index edge, const Regions::Settings& region_settings, Placement where)
    : Domain(edge, region_settings, where, decompose(where, edge)) {}

Domain::Domain(Index edge, const Regions::Settings& region_settings, Placement where,
               Decomposition decomposition)
    : placement(where),
      peers(std::move(decomposition.peers)),
      ghost_corners(decomposition.ghost_corners),
      edge_elems(edge),
      edge_nodes(edge + 1),
      num_elem(edge * edge * edge),
      num_node((edge + 1) * (edge + 1) * (edge + 1)),
      regions(num_elem, region_settings, where.rank()),
      x(num_node),
      y(num_node),
      z(num_node),
      xd(num_node),
      yd(num_node),
      zd(num_node),
      nodal_mass(num_node),
      node_symmetry(num_node),
      node_corners(8 * std::size_t(num_elem) + ghost_corners),
      node_corner_start(num_node + 1),
      nodelist(kNodeItems * std::size_t(padded_elems())),
      e(num_elem),
      p(num_elem),
      q(num_elem),
      v(num_elem),
      vnew(num_elem),
      volo(num_elem),
      delv(num_elem),
      vdov(num_elem),
      arealg(num_elem),
      ss(num_elem),
      elem_mass(num_elem),
      delv_xi(gradient_slots()),
      delv_eta(gradient_slots()),
      delv_zeta(gradient_slots()),
      delx_xi(num_elem),
      delx_eta(num_elem),
      delx_zeta(num_elem) {
  for (auto& neighbours : face_neighbour) neighbours = AlignedBuffer<Index>(num_elem);
  const Index ghost_blocks = (ghost_corners + kLanes - 1) / kLanes;
  corner_force = AlignedBuffer<Real>(std::size_t(kForceItems) * padded_elems() +
                                     std::size_t(ghost_blocks) * kForceComponents * kLanes);
  build_connectivity();
  build_faces(decomposition);
  build_node_corners(decomposition);
  place_nodes();
  compute_volumes();
  if (peers.empty()) set_masses({});
  if (placement.is_origin()) origin_volume = volo[0];
  reset();
}

void Domain::build_connectivity() {
  const Index en = edge_nodes;
  const Index offset[8] = {0, 1, en + 1, en, en * en, en * en + 1, en * en + en + 1, en * en + en};
  // Lanes past the last element, in the last block, name node 0: always a
  // valid node to read.
  first_touch(padded_elems(), [&](Index k) {
    const Index col = k % edge_elems, row = (k / edge_elems) % edge_elems,
                plane = k / (edge_elems * edge_elems);
    const Index n0 = k < num_elem ? col + en * (row + en * plane) : 0;
    const CornerLane<Index> nodes = lane_of(nodelist.data(), kNodeItems, k);
    for (int c = 0; c < 8; ++c) nodes[c] = k < num_elem ? n0 + offset[c] : 0;
  });
  first_touch(num_node, [&](Index n) {
    const Index col = n % en, row = (n / en) % en, plane = n / (en * en);
    node_symmetry[n] = std::uint8_t((col == 0 && placement.col == 0 ? kSymmetryX : 0) |
                                    (row == 0 && placement.row == 0 ? kSymmetryY : 0) |
                                    (plane == 0 && placement.plane == 0 ? kSymmetryZ : 0));
  });
}

void Domain::build_faces(const Decomposition& decomposition) {
  for (int f = 0; f < kFaceCount; ++f) {
    const std::vector<Index>& slots = decomposition.face_neighbour[f];
    first_touch(num_elem, [&](Index k) { face_neighbour[f][k] = slots[k]; });
  }
}

void Domain::build_node_corners(const Decomposition& decomposition) {
  const auto force_index = [&](const ElementCorner& source) {
    if (source.element < 0) return ghost_force_index(-1 - source.element);
    return static_cast<Index>(&forces_of(source.element)[source.corner * kForceComponents] -
                              corner_force.data());
  };
  const std::vector<Index>& start = decomposition.node_source_start;
  first_touch(num_node, [&](Index n) {
    node_corner_start[n] = start[n];
    for (Index i = start[n]; i < start[n + 1]; ++i)
      node_corners[i] = force_index(decomposition.node_sources[i]);
  });
  node_corner_start[num_node] = start[num_node];
}

void Domain::place_nodes() {
  const Index en = edge_nodes;
  const Index mesh_edge = placement.side * edge_elems;
  const auto coordinate = [&](Index domain_at, Index node_at) {
    return kMeshExtent * Real(domain_at * edge_elems + node_at) / Real(mesh_edge);
  };
  first_touch(num_node, [&](Index n) {
    x[n] = coordinate(placement.col, n % en);
    y[n] = coordinate(placement.row, (n / en) % en);
    z[n] = coordinate(placement.plane, n / (en * en));
  });
}

void Domain::compute_volumes() {
  // Unit reference density: an element's mass is its initial volume.
  first_touch(num_elem, [&](Index k) {
    Hex hex;
    gather(nodes_of(k), x.data(), y.data(), z.data(), hex);
    volo[k] = elem_mass[k] = hex_volume(hex);
  });
}

void Domain::set_masses(const std::vector<Real>& ghost_volume) {
  const Index first_ghost = kForceItems * padded_elems();
  const auto volume_at = [&](Index force_index) {
    if (force_index >= first_ghost) {
      const Index at = force_index - first_ghost;
      return ghost_volume.at(at / (kForceComponents * kLanes) * kLanes + at % kLanes);
    }
    return volo[force_index / (kForceItems * kLanes) * kLanes + force_index % kLanes];
  };
  first_touch(num_node, [&](Index n) {
    Real mass = 0.0;
    for (Index i = node_corner_start[n]; i < node_corner_start[n + 1]; ++i)
      mass += volume_at(node_corners[i]) / Real(8.0);
    nodal_mass[n] = mass;
  });
}

Real Domain::blast_specific_energy() const {
  const Real scale = Real(edge_elems * placement.side) / Real(45.0);
  return kBlastEnergyAt45 * scale * scale * scale;
}

void Domain::reset() {
  place_nodes();
  first_touch(num_node, [&](Index n) { xd[n] = yd[n] = zd[n] = 0.0; });
  first_touch(num_elem, [&](Index k) {
    e[k] = p[k] = q[k] = ss[k] = 0.0;
    v[k] = 1.0;
    vnew[k] = delv[k] = vdov[k] = arealg[k] = 0.0;
    delv_xi[k] = delv_eta[k] = delv_zeta[k] = 0.0;
    delx_xi[k] = delx_eta[k] = delx_zeta[k] = 0.0;
  });
  first_touch(padded_elems(), [&](Index k) {
    const CornerLane<Real> forces = forces_of(k);
    for (int item = 0; item < kForceItems; ++item) forces[item] = 0.0;
  });
  for (Index slot = num_elem; slot < gradient_slots(); ++slot)
    delv_xi[slot] = delv_eta[slot] = delv_zeta[slot] = 0.0;

  const Real blast = blast_specific_energy();
  if (placement.is_origin()) e[0] = blast;
  clock = Clock{};
  // The first step from an analytic Courant estimate.
  clock.deltatime = (Real(.5) * std::cbrt(origin_volume)) / std::sqrt(Real(2.0) * blast);
}

}  // namespace corebench::lulesh
