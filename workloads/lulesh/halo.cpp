#include "workloads/lulesh/halo.h"

#include <array>

namespace corebench::lulesh {
namespace {

Real* gradient_along(Domain& d, int face) {
  Real* gradients[3] = {d.delv_xi.data(), d.delv_eta.data(), d.delv_zeta.data()};
  return gradients[face / 2];
}

}  // namespace

Halo::Halo(Domain& domain, Transport& transport) : d_(domain), transport_(transport) {
  std::vector<Link> volumes;
  for (const HaloPeer& peer : d_.peers) {
    Link volume{peer.rank, {}, std::vector<double>(peer.ghost_count)};
    for (const ElementCorner& c : peer.send_corners) volume.out.push_back(d_.volo[c.element]);
    volumes.push_back(std::move(volume));

    corner_links_.push_back(
        {peer.rank, std::vector<double>(peer.send_corners.size() * kForceComponents),
         std::vector<double>(std::size_t(peer.ghost_count) * kForceComponents)});
    if (peer.face != kFaceCount)
      gradient_links_.push_back({peer.rank, std::vector<double>(peer.face_elements.size()),
                                 std::vector<double>(peer.face_elements.size())});
  }
  exchange(volumes);
  std::vector<Real> ghost_volume(d_.ghost_corners);
  for (std::size_t p = 0; p < d_.peers.size(); ++p)
    for (Index i = 0; i < d_.peers[p].ghost_count; ++i)
      ghost_volume[d_.peers[p].first_ghost + i] = volumes[p].in[i];
  d_.set_masses(ghost_volume);

  double origin_volume = d_.placement.is_origin() ? d_.volo[0] : kNoTimeConstraint;
  transport_.minimum({&origin_volume, 1});
  d_.origin_volume = origin_volume;
  d_.reset();
}

void Halo::exchange(std::vector<Link>& links) {
  out_.clear();
  in_.clear();
  for (Link& link : links) {
    out_.push_back({link.peer, link.out});
    in_.push_back({link.peer, link.in});
  }
  transport_.exchange(out_, in_);
}

void Halo::share_corner_forces() {
  for (std::size_t p = 0; p < d_.peers.size(); ++p) {
    double* out = corner_links_[p].out.data();
    for (const ElementCorner& c : d_.peers[p].send_corners) {
      const CornerLane<Real> forces = d_.forces_of(c.element);
      for (int a = 0; a < kForceComponents; ++a) *out++ = forces[c.corner * kForceComponents + a];
    }
  }
  exchange(corner_links_);
  for (std::size_t p = 0; p < d_.peers.size(); ++p) {
    const double* in = corner_links_[p].in.data();
    for (Index g = d_.peers[p].first_ghost; g < d_.peers[p].first_ghost + d_.peers[p].ghost_count;
         ++g) {
      Real* ghost = &d_.corner_force[d_.ghost_force_index(g)];
      for (int a = 0; a < kForceComponents; ++a) ghost[a * kLanes] = *in++;
    }
  }
}

void Halo::share_gradients() {
  std::size_t link = 0;
  for (const HaloPeer& peer : d_.peers) {
    if (peer.face == kFaceCount) continue;
    const Real* gradient = gradient_along(d_, peer.face);
    for (std::size_t i = 0; i < peer.face_elements.size(); ++i)
      gradient_links_[link].out[i] = gradient[peer.face_elements[i]];
    ++link;
  }
  exchange(gradient_links_);
  link = 0;
  for (const HaloPeer& peer : d_.peers) {
    if (peer.face == kFaceCount) continue;
    Real* gradient = gradient_along(d_, peer.face);
    for (std::size_t i = 0; i < gradient_links_[link].in.size(); ++i)
      gradient[peer.first_gradient_slot + Index(i)] = gradient_links_[link].in[i];
    ++link;
  }
}

void Halo::agree(TimeConstraints& limits, Failure& failure) {
  // The worst failure is the largest code, so the smallest negated one.
  std::array<double, 3> values = {limits.courant, limits.hydro, -double(failure)};
  transport_.minimum(values);
  limits = {values[0], values[1]};
  failure = static_cast<Failure>(int(-values[2]));
}

}  // namespace corebench::lulesh
