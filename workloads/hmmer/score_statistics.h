// The score distributions HMMER 3 assumes (Eddy 2008, "A probabilistic
// model of local sequence alignment that simplifies statistical
// significance estimation"): Gumbel for MSV and Viterbi scores with a
// slope near log 2, an exponential tail for Forward scores.
#pragma once

#include <vector>

namespace corebench::hmmer {

struct Gumbel {
  double mu = 0;
  double lambda = 0;
};

// Maximum likelihood: location only, for a given slope; both.
double fit_gumbel_location(const std::vector<double>& scores, double lambda);
Gumbel fit_gumbel(const std::vector<double>& scores);

double gumbel_survival(double score, double mu, double lambda);
double gumbel_quantile(double p, double mu, double lambda);
double exponential_survival(double score, double tau, double lambda);

}  // namespace corebench::hmmer
