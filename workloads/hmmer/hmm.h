// A profile HMM in probabilities, the core model both file formats hold
// (Plan 7: match, insert and delete states per node), before any search
// configuration.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "workloads/hmmer/alphabet.h"

namespace corebench::hmmer {

// A node's transitions, in the column order of both file formats.
enum Transition { kMM, kMI, kMD, kIM, kII, kDM, kDD, kTransitions };
using Transitions = std::array<double, kTransitions>;

struct Node {
  Frequencies match{};   // unused in node 0 (the begin state)
  Frequencies insert{};  // insert state I_k's emissions
  Transitions out{};     // from M_k, I_k, D_k to node k+1 (node 0: from B)
};

// What calibration finds (an HMMER 3 file's STATS LOCAL lines): Gumbel
// location and slope of the MSV and Viterbi filter scores, and the
// exponential tail's location and slope of Forward scores, all in bits.
struct Calibration {
  double msv_mu = 0;
  double msv_lambda = 0;
  double viterbi_mu = 0;
  double viterbi_lambda = 0;
  double forward_tau = 0;
  double forward_lambda = 0;

  bool operator==(const Calibration&) const = default;
};

struct Hmm {
  std::string name;
  std::string accession;    // empty: none
  std::string description;  // empty: none
  std::vector<Node> nodes;  // 0..length: node 0 is the begin state
  std::optional<Calibration> calibration;
  // The model's mean residue composition as its file gives it (HMMER 3's
  // COMPO line); without one, model_composition() computes it.
  std::optional<Frequencies> composition;

  int length() const { return static_cast<int>(nodes.size()) - 1; }
};

// Renormalises each of a node's three transition distributions and its
// emissions, so rounding in a file does not leave them summing to 0.999.
void normalise(Hmm& hmm);

// `composition` if the model has one, else the mean of its match
// emissions (what corebench writes as COMPO): the bias filter's biased
// state emits it.
Frequencies model_composition(const Hmm& hmm);

}  // namespace corebench::hmmer
