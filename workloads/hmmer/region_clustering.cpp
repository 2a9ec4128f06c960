#include "workloads/hmmer/region_clustering.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>

#include "workloads/common/splitmix64.h"
#include "workloads/hmmer/posterior_decoding.h"

namespace corebench::hmmer {
namespace {

// Index of a draw proportional to `weights` (not all zero).
std::size_t pick(const std::vector<double>& weights, SplitMix64& random) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double u = random.uniform() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (u < weights[i]) return i;
    u -= weights[i];
  }
  // Rounding left u at the top: the last state with any weight.
  std::size_t last = weights.size() - 1;
  while (last > 0 && weights[last] <= 0) --last;
  return last;
}

enum class State { M, I, D, N, B, E, J, C };

// Walks one path back from the end through a scaled Forward matrix. A
// state's predecessors are drawn in proportion to their Forward value
// times the move into it; all of them sit in one row (so one scale)
// except the loops of J and C, whose E predecessor is a row later.
class Traceback {
 public:
  Traceback(const Odds& o, const ForwardMatrix& f, int n, SplitMix64& random)
      : o_(o), f_(f), n_(n), random_(random) {}

  // Appends the sample's domains to `out` and what each emitted to
  // `emitted`, in the same order (the last domain of the sequence first).
  void sample(int index, int offset, std::vector<SampledDomain>& out,
              std::vector<DomainEmissions>& emitted) {
    State state = State::C;
    int r = n_, k = 0;
    SampledDomain domain;
    domain.sample = index;
    DomainEmissions emissions{.per_node = std::vector<int>(f_.columns, 0)};
    while (state != State::N) {
      switch (state) {
        case State::C:
        case State::J: state = loop_or_end(state, r); break;
        case State::E:
          domain.end = r + offset;
          state = exit_from(r, k);
          domain.model_end = k;
          break;
        case State::M:
          ++emissions.per_node[static_cast<std::size_t>(k)];
          state = into_match(r, k);
          if (state == State::B) {
            domain.start = r + 1 + offset;
            domain.model_start = k;
            out.push_back(domain);
            emitted.push_back(emissions);
            emissions = {.per_node = std::vector<int>(f_.columns, 0)};
          }
          break;
        case State::I:
          ++emissions.per_node[static_cast<std::size_t>(k)];
          state = into_insert(r, k);
          break;
        case State::D: state = into_delete(r, k); break;
        case State::B:
          state = weigh({f_.x[row(r)].n, f_.x[row(r)].j}) == 0 ? State::N : State::J;
          break;
        case State::N: break;
      }
    }
  }

 private:
  static std::size_t row(int r) { return static_cast<std::size_t>(r); }
  std::size_t cell(int r, int k) const { return row(r) * f_.columns + static_cast<std::size_t>(k); }
  std::size_t weigh(std::vector<double> weights) { return pick(weights, random_); }

  // C or J at row r: its own loop from row r-1 (emitting residue r) or E
  // at row r, whose stored value is smaller by row r's own scale factor.
  State loop_or_end(State state, int& r) {
    const Flanks& before = f_.x[row(r - 1)];
    const double e_row = f_.x[row(r)].e * std::exp(f_.log_scale[row(r)] - f_.log_scale[row(r - 1)]);
    const bool c = state == State::C;
    const double loop = (c ? before.c : before.j) * o_.loop;
    const double end = e_row * (c ? o_.end_move : o_.end_loop);
    if (weigh({loop, end}) == 0) {
      --r;
      return state;
    }
    return State::E;
  }

  State exit_from(int r, int& k) {
    std::vector<double> w(2 * f_.columns, 0.0);
    for (std::size_t j = 1; j < f_.columns; ++j) {
      w[2 * j] = f_.m[cell(r, static_cast<int>(j))];
      w[2 * j + 1] = f_.d[cell(r, static_cast<int>(j))];
    }
    const std::size_t chosen = weigh(std::move(w));
    k = static_cast<int>(chosen / 2);
    return chosen % 2 == 0 ? State::M : State::D;
  }

  // M_k at row r came from row r-1: M, I or D of node k-1, or B.
  State into_match(int& r, int& k) {
    const auto& t = o_.moves[static_cast<std::size_t>(k - 1)];
    const std::size_t up = cell(r - 1, k - 1);
    const std::size_t chosen = weigh({f_.m[up] * t[kMM], f_.i[up] * t[kIM], f_.d[up] * t[kDM],
                                      f_.x[row(r - 1)].b * o_.begin[static_cast<std::size_t>(k)]});
    --r;
    if (chosen == 3) return State::B;
    --k;
    return chosen == 0 ? State::M : chosen == 1 ? State::I : State::D;
  }

  State into_insert(int& r, int k) {
    const auto& t = o_.moves[static_cast<std::size_t>(k)];
    const std::size_t up = cell(r - 1, k);
    const std::size_t chosen = weigh({f_.m[up] * t[kMI], f_.i[up] * t[kII]});
    --r;
    return chosen == 0 ? State::M : State::I;
  }

  State into_delete(int r, int& k) {
    const auto& t = o_.moves[static_cast<std::size_t>(k - 1)];
    const std::size_t left = cell(r, k - 1);
    const std::size_t chosen = weigh({f_.m[left] * t[kMD], f_.d[left] * t[kDD]});
    --k;
    return chosen == 0 ? State::M : State::D;
  }

  const Odds& o_;
  const ForwardMatrix& f_;
  int n_;
  SplitMix64& random_;
};

int overlap(int a_start, int a_end, int b_start, int b_end) {
  return std::max(0, std::min(a_end, b_end) - std::max(a_start, b_start) + 1);
}

bool linked(const SampledDomain& a, const SampledDomain& b, double min_overlap) {
  const auto diagonal = [](int residue, int state) { return residue - state; };
  if (std::abs(diagonal(a.start, a.model_start) - diagonal(b.start, b.model_start)) > 4 &&
      std::abs(diagonal(a.end, a.model_end) - diagonal(b.end, b.model_end)) > 4)
    return false;
  const auto enough = [min_overlap](int shared, int a_length, int b_length) {
    return shared >= min_overlap * std::min(a_length, b_length);
  };
  return enough(overlap(a.start, a.end, b.start, b.end), a.end - a.start + 1,
                b.end - b.start + 1) &&
         enough(overlap(a.model_start, a.model_end, b.model_start, b.model_end),
                a.model_end - a.model_start + 1, b.model_end - b.model_start + 1);
}

int root(std::vector<int>& parent, int i) {
  while (parent[static_cast<std::size_t>(i)] != i) {
    const auto ii = static_cast<std::size_t>(i);
    parent[ii] = parent[static_cast<std::size_t>(parent[ii])];
    i = parent[ii];
  }
  return i;
}

// The widest ends that at least `min_endpoint` of the cluster's domains
// share, so a few stray samples do not stretch the envelope.
Envelope envelope_of(const std::vector<const SampledDomain*>& members, double min_endpoint) {
  std::map<int, int> starts, ends;
  for (const SampledDomain* d : members) {
    ++starts[d->start];
    ++ends[d->end];
  }
  const double needed = min_endpoint * static_cast<double>(members.size());
  Envelope e{std::numeric_limits<int>::max(), 0};
  for (const auto& [at, count] : starts)
    if (count >= needed) e.start = std::min(e.start, at);
  for (const auto& [at, count] : ends)
    if (count >= needed) e.end = std::max(e.end, at);
  return e;
}

// Adds one sample's null2 odds to `sums` ([i - start] over the region):
// inside each of its domains the domain's expected emission odds, 1
// outside them.
void add_sample_null2(const Odds& o, const Sequence& target, int start,
                      const std::vector<SampledDomain>& domains,
                      const std::vector<DomainEmissions>& emitted, std::size_t first,
                      std::vector<double>& sums) {
  std::vector<double> odds(sums.size(), 1.0);
  for (std::size_t d = first; d < domains.size(); ++d) {
    const DomainEmissions& e = emitted[d - first];
    std::array<double, kCodes> null2{};
    for (int x = 0; x < kCodes; ++x) {
      double sum = 0;
      for (std::size_t k = 1; k < e.per_node.size(); ++k)
        sum += e.per_node[k] * o.match[k][static_cast<std::size_t>(x)];
      null2[static_cast<std::size_t>(x)] = sum / (domains[d].end - domains[d].start + 1);
    }
    // As hmmsearch's region_trace_ensemble, the domain's first residue
    // keeps the odds of residues outside domains.
    for (int i = domains[d].start + 1; i <= domains[d].end; ++i)
      odds[static_cast<std::size_t>(i - start)] =
          null2[target.residues[static_cast<std::size_t>(i) - 1]];
  }
  for (std::size_t i = 0; i < sums.size(); ++i) sums[i] += odds[i];
}

}  // namespace

std::vector<int> link_domains(const std::vector<SampledDomain>& domains, double min_overlap) {
  std::vector<int> parent(domains.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (std::size_t a = 0; a < domains.size(); ++a)
    for (std::size_t b = a + 1; b < domains.size(); ++b)
      if (linked(domains[a], domains[b], min_overlap))
        parent[static_cast<std::size_t>(root(parent, static_cast<int>(a)))] =
            root(parent, static_cast<int>(b));
  std::vector<int> cluster(domains.size());
  for (std::size_t a = 0; a < domains.size(); ++a) cluster[a] = root(parent, static_cast<int>(a));
  return cluster;
}

RegionClusters cluster_region(const SearchProfile& profile, const Sequence& target, int start,
                              int end, std::uint64_t seed, ForwardMatrix& workspace, double& cells,
                              const ClusteringSettings& settings) {
  const int n = end - start + 1;
  const Odds o = odds_of(profile);
  forward_matrix(o, target.residues.data() + (start - 1), n, workspace);
  const ForwardMatrix& f = workspace;
  cells += static_cast<double>(profile.length) * n;
  SplitMix64 random(seed ^ (static_cast<std::uint64_t>(start) * 0x9e3779b97f4a7c15ull));
  Traceback traceback(o, f, n, random);
  std::vector<SampledDomain> domains;
  std::vector<double> null2_sums(static_cast<std::size_t>(n), 0.0);
  for (int s = 0; s < settings.samples; ++s) {
    const std::size_t first = domains.size();
    std::vector<DomainEmissions> emitted;
    traceback.sample(s, start - 1, domains, emitted);
    add_sample_null2(o, target, start, domains, emitted, first, null2_sums);
  }
  RegionClusters result;
  for (const double sum : null2_sums) result.null2.push_back(std::log(sum / settings.samples));
  const std::vector<int> cluster = link_domains(domains, settings.min_overlap);
  std::map<int, std::vector<const SampledDomain*>> members;
  for (std::size_t i = 0; i < domains.size(); ++i) members[cluster[i]].push_back(&domains[i]);
  std::vector<Envelope>& envelopes = result.envelopes;
  for (const auto& [id, list] : members) {
    std::set<int> samples;
    for (const SampledDomain* d : list) samples.insert(d->sample);
    if (static_cast<double>(samples.size()) < settings.min_posterior * settings.samples) continue;
    envelopes.push_back(envelope_of(list, settings.min_endpoint));
  }
  std::sort(envelopes.begin(), envelopes.end(),
            [](const Envelope& a, const Envelope& b) { return a.start < b.start; });
  return result;
}

}  // namespace corebench::hmmer
