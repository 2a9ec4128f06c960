// The built-in target's homologs: 7LESS_DROME has Pfam hits (its
// fibronectin type III repeats and its tyrosine kinase domain), so the
// built-in background target gets a few domains sampled from models of the
// library, and hmmsearch's later stages (domain definition, null2) have
// work to do on it as they do in the published test.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/sequence.h"

namespace corebench::hmmer {

inline constexpr int kPlantedDomains = 4;

// One sequence sampled from the core model (a path from B to E through
// match, insert and delete states, as hmmemit samples by default).
std::vector<std::uint8_t> sample_domain(const Hmm& hmm, std::uint64_t& state);

// Overwrites kPlantedDomains evenly spaced stretches of `target` with
// domains sampled from models chosen by `seed` (those that fit); the
// description says which.
void plant_domains(Sequence& target, const std::vector<Hmm>& models, std::uint64_t seed);

}  // namespace corebench::hmmer
