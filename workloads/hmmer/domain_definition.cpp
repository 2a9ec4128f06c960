#include "workloads/hmmer/domain_definition.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "workloads/hmmer/posterior_decoding.h"
#include "workloads/hmmer/region_clustering.h"
#include "workloads/hmmer/search_profile.h"

namespace corebench::hmmer {
namespace {

// The prior probability of the null2 model against null1.
const double kLogOmega = std::log(1.0 / 256);

double log_sum(double a, double b) {
  const double high = std::max(a, b);
  return high + std::log1p(std::exp(std::min(a, b) - high));
}

// Bias correction of a set of null2 log odds, nats.
double mixed_bias(double correction) {
  return log_sum(0.0, kLogOmega + correction);
}

struct Region {
  int start = 0, end = 0;
};

// Cumulative sums, [0] = 0.
std::vector<double> running_total(const std::vector<double>& values) {
  std::vector<double> total(values.size(), 0.0);
  for (std::size_t i = 1; i < values.size(); ++i) total[i] = total[i - 1] + values[i];
  return total;
}

std::vector<Region> find_regions(const Posteriors& p, int n, const RegionThresholds& t) {
  std::vector<Region> regions;
  bool triggered = false;
  int start = -1;
  for (int i = 1; i <= n; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    if (!triggered) {
      if (p.core[ii] - p.starts[ii] < t.rt2)
        start = i;
      else if (start < 0)
        start = i;
      if (p.core[ii] >= t.rt1) triggered = true;
    } else if (p.core[ii] - p.ends[ii] < t.rt2) {
      regions.push_back({start, i});
      triggered = false;
      start = -1;
    }
  }
  if (triggered) regions.push_back({start, n});
  return regions;
}

bool is_multidomain(const std::vector<double>& starts, const std::vector<double>& ends, Region r,
                    const RegionThresholds& t) {
  const auto before = static_cast<std::size_t>(r.start) - 1;
  const auto last = static_cast<std::size_t>(r.end);
  for (std::size_t z = before + 1; z <= last; ++z)
    if (std::min(ends[z] - ends[before], starts[last] - starts[z]) >= t.rt3) return true;
  return false;
}

// The envelope's Forward score alone (unihit, the target's whole length
// setting its loops) and its null2 correction: the sum of `null2`
// ([i], 1-based, log odds) over it. Unless clustering set them
// (`null2_given`), the envelope's own expected state use sets them first.
Domain rescore(const Hmm& hmm, const Sequence& target, Region r, bool null2_given,
               std::vector<double>& null2_scores, ForwardMatrix& workspace, double& cells) {
  SearchProfile profile = make_search_profile(hmm, target.length());
  profile.special = unihit_special_moves(target.length());
  const int length = r.end - r.start + 1;
  const Posteriors p = decode(profile, target.residues.data() + (r.start - 1), length, workspace);
  cells += 2.0 * hmm.length() * length;
  if (!null2_given) {
    // null2: the envelope's expected emission odds, each state weighted by
    // the residues it is expected to emit there.
    std::array<double, kCodes> null2{};
    for (int x = 0; x < kCodes; ++x) {
      double odds = p.flank_use;
      for (int k = 1; k <= hmm.length(); ++k) {
        const auto kk = static_cast<std::size_t>(k);
        odds += p.match_use[kk] * std::exp(profile.match[kk][x]) + p.insert_use[kk];
      }
      null2[static_cast<std::size_t>(x)] = odds / length;
    }
    for (int i = r.start; i <= r.end; ++i)
      null2_scores[static_cast<std::size_t>(i)] =
          std::log(null2[target.residues[static_cast<std::size_t>(i) - 1]]);
  }
  Domain d;
  d.start = r.start;
  d.end = r.end;
  d.envelope = p.forward;
  for (int i = r.start; i <= r.end; ++i) d.correction += null2_scores[static_cast<std::size_t>(i)];
  const int n = target.length();
  const double flanks = (n - length) * std::log(static_cast<double>(n) / (n + 3));
  const double bias = mixed_bias(d.correction);
  d.score = (d.envelope + flanks - null_score(n) - bias) / std::numbers::ln2;
  d.bias = bias / std::numbers::ln2;
  return d;
}

}  // namespace

DomainDefinition define_domains(const Hmm& hmm, const Sequence& target, std::uint64_t seed,
                                ForwardMatrix& workspace, const RegionThresholds& thresholds) {
  DomainDefinition result;
  const int n = target.length();
  const SearchProfile profile = make_search_profile(hmm, n);
  const Posteriors p = decode(profile, target.residues.data(), n, workspace);
  result.cells += 2.0 * hmm.length() * n;
  result.forward = p.forward;
  const auto starts = running_total(p.starts), ends = running_total(p.ends);
  // Residues outside every region keep null2 odds 1.
  std::vector<double> null2(static_cast<std::size_t>(n) + 1, 0.0);
  for (const Region& r : find_regions(p, n, thresholds)) {
    ++result.regions;
    if (!is_multidomain(starts, ends, r, thresholds)) {
      result.domains.push_back(rescore(hmm, target, r, false, null2, workspace, result.cells));
      continue;
    }
    ++result.multidomain_regions;
    const RegionClusters clusters =
        cluster_region(profile, target, r.start, r.end, seed, workspace, result.cells);
    std::copy(clusters.null2.begin(), clusters.null2.end(),
              null2.begin() + static_cast<std::ptrdiff_t>(r.start));
    for (const Envelope& e : clusters.envelopes) {
      ++result.split_envelopes;
      result.domains.push_back(
          rescore(hmm, target, {e.start, e.end}, true, null2, workspace, result.cells));
    }
  }
  for (const double score : null2) result.null2 += score;
  return result;
}

double sequence_bias(const DomainDefinition& definition) {
  return mixed_bias(definition.null2);
}

}  // namespace corebench::hmmer
