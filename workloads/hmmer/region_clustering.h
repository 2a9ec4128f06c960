// Stochastic traceback clustering: how hmmsearch splits a region of the
// posterior decoding that looks like more than one domain (the HMMER 3
// user guide, "domain definition"; Eddy 2011). Tracebacks are sampled
// from the region's Forward matrix, the domains they pass through are
// clustered by overlap, and each cluster seen in enough samples becomes
// one envelope, rescored alone afterwards as any other. The same samples
// give the region its null2 model residue by residue (HMMER's null2 by
// trace), which the envelopes' bias corrections and the sequence's use.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/hmmer/posterior_decoding.h"
#include "workloads/hmmer/search_profile.h"
#include "workloads/hmmer/sequence.h"

namespace corebench::hmmer {

// HMMER's defaults for the ensemble (its user guide and its domain
// definition settings, p7_domaindef: nsamples, min_overlap of the
// smaller, min_posterior, min_endpointp).
struct ClusteringSettings {
  int samples = 200;
  double min_overlap = 0.8;     // of the shorter domain, in sequence and in model
  double min_posterior = 0.25;  // share of the samples a cluster must appear in
  double min_endpoint = 0.02;   // share of a cluster's domains an envelope end needs
};

// One domain of one sampled traceback, 1-based and inclusive.
struct SampledDomain {
  int start = 0, end = 0;              // residues
  int model_start = 0, model_end = 0;  // match states
  int sample = 0;
};

// The residues one sampled domain's states emitted, by node: its null2
// model is their emission odds, each node weighted by its residues.
// hmmsearch counts a residue of insert state k as one of match state k
// (p7_Null2_ByTrace); so, for its bias figures, does this.
struct DomainEmissions {
  std::vector<int> per_node;  // [k]
};

struct Envelope {
  int start = 0, end = 0;  // 1-based, inclusive, in the whole target
};

struct RegionClusters {
  std::vector<Envelope> envelopes;  // by their start
  // [i - start]: log of the null2 odds of residue i averaged over the
  // samples, a sample with no domain over i counting odds 1 there; nats.
  std::vector<double> null2;
};

// The envelopes of region [start, end] of `target` and its null2 scores.
// `profile` is the multihit search profile for the target's length;
// `workspace` holds the region's Forward matrix.
RegionClusters cluster_region(const SearchProfile& profile, const Sequence& target, int start,
                              int end, std::uint64_t seed, ForwardMatrix& workspace, double& cells,
                              const ClusteringSettings& settings = {});

// Single-linkage clusters of `domains` (a cluster number per domain).
std::vector<int> link_domains(const std::vector<SampledDomain>& domains, double min_overlap);

}  // namespace corebench::hmmer
