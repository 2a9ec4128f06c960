#include "workloads/hmmer/planted_domains.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "workloads/common/splitmix64.h"

namespace corebench::hmmer {
namespace {

// An index drawn from `weights` (they sum to about 1).
template <typename Array>
int draw(SplitMix64& random, const Array& weights, int first, int count) {
  double total = 0;
  for (int i = 0; i < count; ++i) total += weights[static_cast<std::size_t>(first + i)];
  double u = random.uniform() * total;
  for (int i = 0; i < count - 1; ++i) {
    u -= weights[static_cast<std::size_t>(first + i)];
    if (u < 0) return i;
  }
  return count - 1;
}

enum State { kMatch, kInsert, kDelete };

}  // namespace

std::vector<std::uint8_t> sample_domain(const Hmm& hmm, std::uint64_t& state) {
  SplitMix64 random(state);
  std::vector<std::uint8_t> residues;
  const int m = hmm.length();
  int k = 0;
  State at = kMatch;  // node 0's "match" is the begin state
  while (true) {
    const Transitions& t = hmm.nodes[static_cast<std::size_t>(k)].out;
    State next = kMatch;
    if (at == kMatch)
      next = static_cast<State>(draw(random, t, kMM, 3));
    else if (at == kInsert)
      next = draw(random, t, kIM, 2) == 0 ? kMatch : kInsert;
    else
      next = draw(random, t, kDM, 2) == 0 ? kMatch : kDelete;
    if (next != kInsert) ++k;
    if (k > m) break;
    const Node& node = hmm.nodes[static_cast<std::size_t>(k)];
    if (next == kMatch)
      residues.push_back(static_cast<std::uint8_t>(draw(random, node.match, 0, kResidues)));
    else if (next == kInsert)
      residues.push_back(static_cast<std::uint8_t>(draw(random, node.insert, 0, kResidues)));
    at = next;
    if (k == m) break;  // M_M and D_M end the path
  }
  state = random.next();
  return residues;
}

void plant_domains(Sequence& target, const std::vector<Hmm>& models, std::uint64_t seed) {
  if (models.empty()) return;
  const int slot = target.length() / kPlantedDomains;
  SplitMix64 pick(seed ^ 0xd0a1a5ull);
  std::uint64_t state = seed ^ 0x5a3b1e5ull;
  std::vector<std::string> names;
  for (int d = 0; d < kPlantedDomains; ++d) {
    // A model whose samples fit the slot with room either side.
    std::vector<std::uint8_t> domain;
    const Hmm* chosen = nullptr;
    for (int tries = 0; tries < 100 && !chosen; ++tries) {
      const Hmm& hmm = models[pick.next() % models.size()];
      domain = sample_domain(hmm, state);
      if (!domain.empty() && static_cast<int>(domain.size()) <= slot * 3 / 4) chosen = &hmm;
    }
    if (!chosen) continue;
    const auto at =
        static_cast<std::size_t>(d * slot + (slot - static_cast<int>(domain.size())) / 2);
    std::copy(domain.begin(), domain.end(),
              target.residues.begin() + static_cast<std::ptrdiff_t>(at));
    names.push_back(fmt::format("{} at {}-{}", chosen->name, at + 1, at + domain.size()));
  }
  if (!names.empty())
    target.description += fmt::format(" with domains sampled from {}", fmt::join(names, ", "));
}

}  // namespace corebench::hmmer
