// Material regions: LULESH splits the elements into regions of runs of
// consecutive elements, drawn at random, and makes some regions' equation
// of state more expensive by evaluating it several times. That imbalance is
// part of the benchmark.
#pragma once

#include <vector>

#include "workloads/lulesh/parameters.h"

namespace corebench::lulesh {

// A share of one region's element list that one thread evaluates at a time.
struct MaterialChunk {
  Index region;
  Index begin;  // positions in Regions::elements(region)
  Index end;
};

class Regions {
 public:
  struct Settings {
    Index count = 11;  // LULESH's -r
    int balance = 1;   // -b: region r is drawn with weight (r + 1)^balance
    int cost = 1;      // -c: extra equation-of-state passes of the costly regions
  };

  Regions() = default;
  // Draws the regions exactly as LULESH 2.0.3 does for MPI rank `rank`.
  Regions(Index num_elem, const Settings& settings, int rank = 0);

  Index count() const { return static_cast<Index>(elements_.size()); }
  const std::vector<Index>& elements(Index region) const { return elements_[region]; }
  // How many times the equation of state is evaluated for this region.
  int repetitions(Index region) const { return repetitions_[region]; }
  // Every region's elements cut into chunks of similar cost, the costliest
  // first so that dynamic scheduling ends with the cheap ones.
  const std::vector<MaterialChunk>& chunks() const { return chunks_; }

  // Throws OptionError when LULESH's integer weights would overflow.
  static void check(const Settings& settings);

 private:
  void cut_into_chunks();

  std::vector<std::vector<Index>> elements_;
  std::vector<int> repetitions_;
  std::vector<MaterialChunk> chunks_;
};

}  // namespace corebench::lulesh
