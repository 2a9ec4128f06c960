#include "runner/results/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace corebench {

Summary summarize(const std::vector<double>& samples) {
  Summary s;
  s.n = samples.size();
  if (s.n == 0) return s;
  std::vector<double> sorted = samples;
  std::sort(sorted.begin(), sorted.end());
  s.min = sorted.front();
  s.max = sorted.back();
  s.median = s.n % 2 ? sorted[s.n / 2] : (sorted[s.n / 2 - 1] + sorted[s.n / 2]) / 2;
  s.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(s.n);
  if (s.n > 1) {
    double squares = 0;
    for (double x : sorted) squares += (x - s.mean) * (x - s.mean);
    s.sd = std::sqrt(squares / static_cast<double>(s.n - 1));
  }
  s.rsd = s.mean != 0 ? s.sd / std::abs(s.mean) : 0;
  s.se = s.sd / std::sqrt(static_cast<double>(s.n));
  return s;
}

int StoppingRule::max_runs(double seconds_per_run) const {
  if (seconds_per_run < 10) return 4 * min_runs;
  if (seconds_per_run < 60) return 2 * min_runs;
  return min_runs;
}

bool StoppingRule::want_more(const std::vector<double>& samples, double elapsed) const {
  const int n = static_cast<int>(samples.size());
  if (exact_runs) return n < *exact_runs;
  if (n < min_runs) return true;
  const double per_run = elapsed / n;
  if (n >= max_runs(per_run) || elapsed + per_run > time_budget) return false;
  return summarize(samples).rsd >= target_rsd;
}

}  // namespace corebench
