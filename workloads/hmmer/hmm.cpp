#include "workloads/hmmer/hmm.h"

#include <numeric>

namespace corebench::hmmer {
namespace {

template <typename It>
void scale_to_one(It first, It last) {
  const double sum = std::accumulate(first, last, 0.0);
  if (sum <= 0) return;
  for (It it = first; it != last; ++it) *it /= sum;
}

}  // namespace

void normalise(Hmm& hmm) {
  for (std::size_t k = 0; k < hmm.nodes.size(); ++k) {
    Node& node = hmm.nodes[k];
    if (k > 0) scale_to_one(node.match.begin(), node.match.end());
    scale_to_one(node.insert.begin(), node.insert.end());
    scale_to_one(node.out.begin() + kMM, node.out.begin() + kIM);
    scale_to_one(node.out.begin() + kIM, node.out.begin() + kDM);
    scale_to_one(node.out.begin() + kDM, node.out.end());
  }
}

Frequencies model_composition(const Hmm& hmm) {
  if (hmm.composition) return *hmm.composition;
  Frequencies mean{};
  for (int k = 1; k <= hmm.length(); ++k)
    for (int x = 0; x < kResidues; ++x) mean[x] += hmm.nodes[k].match[x] / hmm.length();
  return mean;
}

}  // namespace corebench::hmmer
