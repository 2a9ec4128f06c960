// c-ray's acceleration structure: an octree over the spheres' bounds, built
// and walked by c-ray's rules, so a ray costs the same sphere tests here as
// there. A node splits while it holds at least 64 spheres and is less than
// 9 levels deep; a sphere goes into every child whose box it may touch; a
// walk visits every node whose box the ray segment crosses, children in
// order, with no early cut-off by the nearest hit so far.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/c-ray/intersect.h"

namespace corebench::cray {

class Octree {
 public:
  Octree(const std::vector<Sphere>& spheres, LeafTest test);

  NearestHit nearest(const RayQuery& q) const;
  bool occluded(const RayQuery& q) const;

  std::size_t node_count() const { return nodes_.size(); }
  std::size_t leaf_entries() const { return leaf_spheres_.size(); }
  std::size_t largest_leaf() const;

 private:
  struct Box {
    Vec3 lo, hi;
  };
  struct Node {
    Box box;
    std::uint32_t first_child = 0;     // children are consecutive nodes
    std::uint32_t child_count = 0;     // 0: a leaf
    std::uint32_t begin = 0, end = 0;  // a leaf's spheres in leaf_spheres_
  };

  void split(std::uint32_t node, const std::vector<int>& members, int depth,
             const std::vector<Sphere>& spheres);
  static bool crosses(const Box& box, const RayQuery& q);

  LeafTest test_;
  std::vector<Node> nodes_;
  SphereColumns leaf_spheres_;
};

}  // namespace corebench::cray
