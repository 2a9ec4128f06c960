// HMMER 3's default protein priors (p7_prior_CreateAmino), as published
// facts: the match emission mixture is Sjölander et al. 1996's nine
// component "blocks9" (Dirichlet mixtures, CABIOS 12:327), in the version
// HMMER 3.4 ships; the transition priors are single Dirichlets that
// Graeme Mitchison trained on an early Pfam (HMMER's own notes).
#pragma once

#include <array>

#include "workloads/hmmer/alphabet.h"

namespace corebench::hmmer {

struct MixtureComponent {
  double weight;
  Frequencies alpha;  // in alphabet.h's order, ACDEFGHIKLMNPQRSTVWY
};

const std::array<MixtureComponent, 9>& match_emission_prior();

// Alphas of the three transition distributions: M -> (M, I, D),
// I -> (M, I), D -> (M, D).
inline constexpr std::array<double, 3> kMatchTransitionPrior = {0.7939, 0.0278, 0.0135};
inline constexpr std::array<double, 2> kInsertTransitionPrior = {0.1551, 0.1331};
inline constexpr std::array<double, 2> kDeleteTransitionPrior = {0.9002, 0.5630};

}  // namespace corebench::hmmer
