#include "workloads/hmmer/score_statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace corebench::hmmer {
namespace {

// Weighted by exp(-lambda x): sum of weights, mean and variance of x.
struct Moments {
  double weight = 0, mean = 0, variance = 0;
};

Moments weighted(const std::vector<double>& scores, double lambda, double shift) {
  Moments m;
  double first = 0, second = 0;
  for (double x : scores) {
    const double w = std::exp(-lambda * (x - shift));
    m.weight += w;
    first += w * x;
    second += w * x * x;
  }
  m.mean = first / m.weight;
  m.variance = std::max(0.0, second / m.weight - m.mean * m.mean);
  return m;
}

// The likelihood equation for lambda (Lawless 1982): zero at the ML slope,
// decreasing in lambda.
double slope_equation(const std::vector<double>& scores, double mean, double lambda, double shift) {
  return 1 / lambda - mean + weighted(scores, lambda, shift).mean;
}

}  // namespace

double fit_gumbel_location(const std::vector<double>& scores, double lambda) {
  const double shift = *std::min_element(scores.begin(), scores.end());
  const Moments m = weighted(scores, lambda, shift);
  return shift - std::log(m.weight / static_cast<double>(scores.size())) / lambda;
}

Gumbel fit_gumbel(const std::vector<double>& scores) {
  const double mean = std::accumulate(scores.begin(), scores.end(), 0.0) / scores.size();
  const double shift = *std::min_element(scores.begin(), scores.end());
  // Bisection on a bracket: robust, and 60 halvings are plenty.
  double low = 1e-3, high = 20;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (low + high);
    (slope_equation(scores, mean, mid, shift) > 0 ? low : high) = mid;
  }
  const double lambda = 0.5 * (low + high);
  return {fit_gumbel_location(scores, lambda), lambda};
}

double gumbel_survival(double score, double mu, double lambda) {
  return -std::expm1(-std::exp(-lambda * (score - mu)));
}

double gumbel_quantile(double p, double mu, double lambda) {
  return mu - std::log(-std::log(p)) / lambda;
}

double exponential_survival(double score, double tau, double lambda) {
  return score < tau ? 1.0 : std::exp(-lambda * (score - tau));
}

}  // namespace corebench::hmmer
