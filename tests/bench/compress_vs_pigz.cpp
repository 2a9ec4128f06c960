// Side-by-side: the compress workload against pigz compressing the same
// corpus at the same level with the same thread count, interleaved,
// medians printed. Not a test: a speed check to run by hand.
//   compress_vs_pigz [size=64MiB] [level=6] [threads=2] [rounds=5]
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "runner/results/stats.h"
#include "tests/bench/stopwatch.h"
#include "workloads/compile/temp_dir.h"
#include "workloads/compress/compress.h"
#include "workloads/compress/compress_workload.h"
#include "workloads/compress/corpus.h"

int main(int argc, char** argv) {
  using namespace corebench;
  const std::string size_text = argc > 1 ? argv[1] : "64MiB";
  const std::string level = argc > 2 ? argv[2] : "6";
  const int threads = argc > 3 ? std::stoi(argv[3]) : 2;
  const int rounds = argc > 4 ? std::stoi(argv[4]) : 5;
  omp_set_num_threads(threads);

  const auto options = OptionValues::resolve(make_compress_entry().info.options,
                                             {{"level", level}, {"size", size_text}});
  compress::CompressWorkload workload;
  workload.setup(options, {threads, 0, 0});
  const std::size_t size = parse_bytes(size_text);
  const double megabytes = static_cast<double>(size) / 1e6;

  const compile::TempDir dir("corebench-compress-vs-pigz");
  const auto corpus_path = dir.path() / "corpus";
  {
    const auto corpus = compress::generate_corpus(1, size);
    std::ofstream(corpus_path, std::ios::binary)
        .write(reinterpret_cast<const char*>(corpus.data()),
               static_cast<std::streamsize>(corpus.size()));
  }
  const std::string pigz = "pigz -p " + std::to_string(threads) + " -" + level + " -c " +
                           corpus_path.string() + " > /dev/null";

  std::printf("corpus %s, level %s, %d threads\n", size_text.c_str(), level.c_str(), threads);
  std::vector<double> ours, theirs;
  for (int round = 0; round < rounds; ++round) {
    workload.prepare();
    ours.push_back(megabytes / corebench::seconds_of([&] { workload.run(); }));
    if (!workload.verify().ok) return 1;
    theirs.push_back(megabytes / corebench::seconds_of([&] {
                       if (std::system(pigz.c_str()) != 0) std::exit(1);
                     }));
    std::printf("round %d: corebench %.1f MB/s   pigz %.1f MB/s\n", round + 1, ours.back(),
                theirs.back());
  }
  const double a = corebench::summarize(ours).median, b = corebench::summarize(theirs).median;
  std::printf("median: corebench %.1f MB/s, pigz %.1f MB/s, corebench/pigz = %.3f\n", a, b, a / b);
  return 0;
}
