// Side-by-side speed check of linpack's two solvers: blas=eigen (our blocked
// LU) against blas=system (the system LAPACK's dgetrf+dgetrs, OpenBLAS on
// Debian), interleaved run by run because the machine's load drifts; prints
// the median GFLOPS of each, their ratio and the share of the peak.
//
//   OPENBLAS_CORETYPE=SkylakeX linpack_compare --n 8000 --threads 1,2 --repeats 5
//       --ghz 4.0 --flops-per-cycle 32   (one command line)
#include <fmt/format.h>
#include <omp.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "workloads/linpack/linpack.h"

namespace {

using corebench::OptionValues;
using corebench::RunConfig;

struct Sample {
  double gflops;
  bool ok;
  std::string detail;
};

Sample time_one_run(const std::string& blas, std::int64_t n, std::int64_t nb, int threads) {
  const corebench::WorkloadEntry entry = corebench::make_linpack_entry();
  const OptionValues options = OptionValues::resolve(
      entry.info.options, {{"n", std::to_string(n)}, {"nb", std::to_string(nb)}, {"blas", blas}});
  omp_set_num_threads(threads);
  auto workload = entry.make();
  workload->setup(options, RunConfig{.threads = threads});
  workload->prepare();
  const auto start = std::chrono::steady_clock::now();
  const corebench::RunOutput output = workload->run();
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  const corebench::Verdict verdict = workload->verify();
  return {output.work / seconds.count(), verdict.ok, verdict.detail};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"linpack: blas=eigen against blas=system, interleaved"};
  std::int64_t n = 8000, nb = 256;
  std::vector<int> thread_counts{1, 2};
  int repeats = 5;
  double ghz = 4.0, flops_per_cycle = 32;
  app.add_option("--n", n, "order of the system");
  app.add_option("--nb", nb, "panel width for blas=eigen");
  app.add_option("--threads", thread_counts, "thread counts")->delimiter(',');
  app.add_option("--repeats", repeats, "runs of each solver per thread count");
  app.add_option("--ghz", ghz, "core clock under load, for the peak");
  app.add_option("--flops-per-cycle", flops_per_cycle, "double-precision FLOPs per cycle per core");
  CLI11_PARSE(app, argc, argv);

  const std::vector<std::string> solvers{"eigen", "system"};
  std::map<std::pair<int, std::string>, std::vector<double>> gflops;
  for (int r = 0; r < repeats; ++r) {
    for (int threads : thread_counts) {
      for (const auto& blas : solvers) {
        const Sample sample = time_one_run(blas, n, nb, threads);
        fmt::print("run {} threads={} blas={:6} {:7.1f} GFLOPS  {}{}\n", r + 1, threads, blas,
                   sample.gflops, sample.ok ? "" : "WRONG ANSWER: ", sample.detail);
        if (!sample.ok) return 1;
        gflops[{threads, blas}].push_back(sample.gflops);
      }
    }
  }
  fmt::print("\nn={} nb={}, median of {} (peak = threads x {} GHz x {} FLOPs/cycle)\n", n, nb,
             repeats, ghz, flops_per_cycle);
  fmt::print("{:>7} {:>14} {:>14} {:>12} {:>11} {:>11}\n", "threads", "eigen GFLOPS",
             "system GFLOPS", "eigen/system", "eigen peak", "system peak");
  for (int threads : thread_counts) {
    const double ours = median(gflops[{threads, "eigen"}]),
                 theirs = median(gflops[{threads, "system"}]);
    const double peak = threads * ghz * flops_per_cycle;
    fmt::print("{:>7} {:>14.1f} {:>14.1f} {:>11.1f}% {:>10.1f}% {:>10.1f}%\n", threads, ours,
               theirs, 100 * ours / theirs, 100 * ours / peak, 100 * theirs / peak);
  }
}
