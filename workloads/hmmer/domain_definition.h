// What hmmsearch does with a target that passed all three filters (Eddy
// 2011 and the HMMER 3 user guide, "domain definition" and "null2"):
// posterior decoding of the whole sequence, regions where the core model
// is likely to be emitting (a region that looks like several domains
// split by stochastic traceback clustering), each envelope rescored in
// unihit mode, a null2 model from each envelope's expected state use, and
// the bias-corrected scores of the sequence and of its best domain.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/posterior_decoding.h"
#include "workloads/hmmer/sequence.h"

namespace corebench::hmmer {

struct Domain {
  int start = 0, end = 0;  // envelope, 1-based, inclusive
  double envelope = 0;     // Forward score of the envelope alone, nats
  double correction = 0;   // null2: sum of log null2 odds over the envelope, nats
  double score = 0;        // bits, null1 and the domain's bias subtracted
  double bias = 0;         // bits

  bool operator==(const Domain&) const = default;
};

struct DomainDefinition {
  std::vector<Domain> domains;
  double forward = 0;  // the whole target's Forward score (double precision), nats
  // null2 log odds summed over the residues: each envelope's of a
  // one-domain region, each clustered region's from its tracebacks; nats.
  double null2 = 0;
  int regions = 0;
  int multidomain_regions = 0;  // split by stochastic traceback clustering
  int split_envelopes = 0;      // the envelopes those regions were split into
  double cells = 0;             // DP cells of the decoding and rescoring

  bool operator==(const DomainDefinition&) const = default;
};

// The thresholds of HMMER's region heuristics: a region is triggered by a
// residue with core probability >= rt1, extends while it stays >= rt2
// (less the chance a domain starts or ends there), and is several domains
// when >= rt3 of one is expected on both sides of a residue.
struct RegionThresholds {
  double rt1 = 0.25, rt2 = 0.10, rt3 = 0.20;
};

// `seed` seeds the tracebacks sampled in multi-domain regions; `workspace`
// holds each Forward matrix in turn (posterior_decoding.h).
DomainDefinition define_domains(const Hmm& hmm, const Sequence& target, std::uint64_t seed,
                                ForwardMatrix& workspace, const RegionThresholds& thresholds = {});

// The sequence's bias (its null2 scores, mixed with null1 at HMMER's prior
// omega = 1/256), nats.
double sequence_bias(const DomainDefinition& definition);

}  // namespace corebench::hmmer
