#include "workloads/c-ray/octree.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace corebench::cray {
namespace {

constexpr std::size_t kSplitAt = 64;
constexpr int kMaxDepth = 9;
// Deepest walk: each level leaves at most 7 siblings waiting, plus 8 at the bottom.
constexpr int kStackSize = 7 * kMaxDepth + 8 + 1;

// c-ray's box-sphere test: exact in the box's corner regions, generous (the
// distance along the farthest axis only) elsewhere, so it never misses a
// sphere that touches the box.
bool may_touch(Vec3 lo, Vec3 hi, const Sphere& s) {
  const Vec3 center = (lo + hi) * 0.5, half = (hi - lo) * 0.5;
  const Vec3 p{std::fabs(s.center.x - center.x) - half.x, std::fabs(s.center.y - center.y) - half.y,
               std::fabs(s.center.z - center.z) - half.z};
  if (p.x > 0 && p.y > 0 && p.z > 0) return dot(p, p) <= s.radius * s.radius;
  return std::max({p.x, p.y, p.z}) <= s.radius;
}

}  // namespace

Octree::Octree(const std::vector<Sphere>& spheres, LeafTest test) : test_(test) {
  Box root{{DBL_MAX, DBL_MAX, DBL_MAX}, {-DBL_MAX, -DBL_MAX, -DBL_MAX}};
  std::vector<int> all(spheres.size());
  for (std::size_t i = 0; i < spheres.size(); ++i) {
    const Sphere& s = spheres[i];
    const Vec3 r{s.radius, s.radius, s.radius};
    const Vec3 lo = s.center - r, hi = s.center + r;
    root.lo = {std::min(root.lo.x, lo.x), std::min(root.lo.y, lo.y), std::min(root.lo.z, lo.z)};
    root.hi = {std::max(root.hi.x, hi.x), std::max(root.hi.y, hi.y), std::max(root.hi.z, hi.z)};
    all[i] = static_cast<int>(i);
  }
  nodes_.push_back({root});
  split(0, all, 0, spheres);
}

void Octree::split(std::uint32_t node, const std::vector<int>& members, int depth,
                   const std::vector<Sphere>& spheres) {
  if (members.size() < kSplitAt || depth >= kMaxDepth) {
    nodes_[node].begin = static_cast<std::uint32_t>(leaf_spheres_.size());
    for (int m : members) leaf_spheres_.push_back(spheres[m], m);
    nodes_[node].end = static_cast<std::uint32_t>(leaf_spheres_.size());
    return;
  }
  const Box box = nodes_[node].box;
  const Vec3 mid = (box.lo + box.hi) * 0.5;
  std::vector<Box> child_boxes;
  std::vector<std::vector<int>> child_members;
  for (int octant = 0; octant < 8; ++octant) {
    const bool upper_x = octant & 1, upper_y = octant & 2, upper_z = octant & 4;
    const Box child{
        {upper_x ? mid.x : box.lo.x, upper_y ? mid.y : box.lo.y, upper_z ? mid.z : box.lo.z},
        {upper_x ? box.hi.x : mid.x, upper_y ? box.hi.y : mid.y, upper_z ? box.hi.z : mid.z}};
    std::vector<int> inside;
    for (int m : members)
      if (may_touch(child.lo, child.hi, spheres[m])) inside.push_back(m);
    if (inside.empty()) continue;  // c-ray drops empty children
    child_boxes.push_back(child);
    child_members.push_back(std::move(inside));
  }
  const auto first = static_cast<std::uint32_t>(nodes_.size());
  nodes_[node].first_child = first;
  nodes_[node].child_count = static_cast<std::uint32_t>(child_boxes.size());
  for (const Box& child : child_boxes) nodes_.push_back({child});
  for (std::uint32_t c = 0; c < child_boxes.size(); ++c)
    split(first + c, child_members[c], depth + 1, spheres);
}

// The slab test as c-ray writes it, min/max as comparisons so that NaNs
// (an axis-parallel ray on a box face) resolve the same way.
bool Octree::crosses(const Box& box, const RayQuery& q) {
  const auto lesser = [](double a, double b) { return a < b ? a : b; };
  const auto greater = [](double a, double b) { return a > b ? a : b; };
  const double tx1 = (box.lo.x - q.origin.x) * q.inv_dir.x,
               tx2 = (box.hi.x - q.origin.x) * q.inv_dir.x;
  double t_min = lesser(tx1, tx2), t_max = greater(tx1, tx2);
  const double ty1 = (box.lo.y - q.origin.y) * q.inv_dir.y,
               ty2 = (box.hi.y - q.origin.y) * q.inv_dir.y;
  t_min = greater(t_min, lesser(ty1, ty2));
  t_max = lesser(t_max, greater(ty1, ty2));
  const double tz1 = (box.lo.z - q.origin.z) * q.inv_dir.z,
               tz2 = (box.hi.z - q.origin.z) * q.inv_dir.z;
  t_min = greater(t_min, lesser(tz1, tz2));
  t_max = lesser(t_max, greater(tz1, tz2));
  return t_max >= t_min && t_max >= 0.0 && t_min <= 1.0;
}

NearestHit Octree::nearest(const RayQuery& q) const {
  NearestHit hit;
  std::uint32_t stack[kStackSize];
  int top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& node = nodes_[stack[--top]];
    if (!crosses(node.box, q)) continue;
    if (node.child_count == 0) {
      nearest_of(test_, leaf_spheres_, node.begin, node.end, q, hit);
      continue;
    }
    for (std::uint32_t c = node.child_count; c-- > 0;) stack[top++] = node.first_child + c;
  }
  return hit;
}

bool Octree::occluded(const RayQuery& q) const {
  std::uint32_t stack[kStackSize];
  int top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& node = nodes_[stack[--top]];
    if (!crosses(node.box, q)) continue;
    if (node.child_count == 0) {
      if (any_of(test_, leaf_spheres_, node.begin, node.end, q)) return true;
      continue;
    }
    for (std::uint32_t c = node.child_count; c-- > 0;) stack[top++] = node.first_child + c;
  }
  return false;
}

std::size_t Octree::largest_leaf() const {
  std::size_t largest = 0;
  for (const Node& node : nodes_)
    if (node.child_count == 0) largest = std::max<std::size_t>(largest, node.end - node.begin);
  return largest;
}

}  // namespace corebench::cray
