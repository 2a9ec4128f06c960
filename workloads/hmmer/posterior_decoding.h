// Forward and Backward over the whole local model in double precision, and
// what posterior decoding (Eddy 2011; the HMMER user guide's "domain
// definition") needs of them: for each residue the probability that the
// core model (a match or insert state) emitted it, that a domain starts
// there and that one ends there, and each state's expected use over the
// sequence, from which null2 is made. Scores in nats, the null model not
// subtracted.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "workloads/hmmer/search_profile.h"

namespace corebench::hmmer {

struct Posteriors {
  double forward = 0;   // log P(sequence | model): the Forward score
  double backward = 0;  // the same sum computed backwards (a check)
  // [i], i = 1..n (index 0 unused).
  std::vector<double> core;    // P(residue i is emitted by an M or I state)
  std::vector<double> starts;  // P(a domain's first residue is i): B before i
  std::vector<double> ends;    // P(a domain's last residue is i): E after i
  // Expected number of residues each state emits, summed over the rows.
  std::vector<double> match_use, insert_use;  // [k], k = 1..M
  double flank_use = 0;                       // N, C and J together
};

// The Forward matrix is also what region_clustering samples tracebacks
// from, so its parts are declared here.

// The model in probabilities (odds for emissions): the DP then multiplies
// and adds, and each row is scaled to keep it in range, its logarithm
// kept (HMMER's Forward and Backward work in probability space too).
struct Odds {
  int m = 0;
  std::vector<std::array<double, kCodes>> match;  // [k]
  std::vector<std::array<double, kTransitions>> moves;
  std::vector<double> begin;
  double loop = 0, move = 0, end_loop = 0, end_move = 0;
};

Odds odds_of(const SearchProfile& profile);

// The special states of one row.
struct Flanks {
  double n = 0, b = 0, e = 0, j = 0, c = 0;
};

// The whole Forward matrix, rows 0..n, columns 0..M, each row scaled;
// log_scale[r] is the log of rows 1..r's scale factors.
struct ForwardMatrix {
  std::size_t columns = 0;
  std::vector<double> m, i, d;
  std::vector<Flanks> x;
  std::vector<double> log_scale;
};

// Fills `f`, reusing its storage: a whole target's matrix is megabytes, and
// fresh pages for every hit would cost more than the decoding on some VMs.
void forward_matrix(const Odds& odds, const std::uint8_t* sequence, int n, ForwardMatrix& f);

// Decodes residues sequence[0..n) with `profile` (its special moves set
// for the length and hit mode wanted).
// `workspace` holds the Forward matrix (forward_matrix).
Posteriors decode(const SearchProfile& profile, const std::uint8_t* sequence, int n,
                  ForwardMatrix& workspace);

}  // namespace corebench::hmmer
