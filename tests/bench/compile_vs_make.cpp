// Side-by-side: the compile workload's job scheduler against `make -j N`
// running the very same compiler commands on the very same tree,
// interleaved, medians printed. Not a test: a speed check to run by hand.
//   compile_vs_make [size=small] [jobs=2] [rounds=5] [flags=-O2]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "runner/results/stats.h"
#include "tests/bench/stopwatch.h"
#include "workloads/common/cpu_mask.h"
#include "workloads/compile/job_scheduler.h"
#include "workloads/compile/process.h"
#include "workloads/compile/project_build.h"
#include "workloads/compile/temp_dir.h"

namespace {

using namespace corebench::compile;
using corebench::allowed_cpus;

std::string command_line(const std::vector<std::string>& argv) {
  std::string line;
  for (const auto& arg : argv) line += (line.empty() ? "" : " ") + arg;
  return line;
}

// The same commands as the scheduler's jobs, prerequisites in the same
// order, so make starts the jobs in the order corebench does.
void write_makefile(const ProjectBuild& build, const std::filesystem::path& path) {
  std::ofstream out(path);
  out << "program:";
  for (const auto& job : build.compile_jobs()) out << ' ' << job.argv.back();
  out << "\n\t" << command_line(build.link_job().argv) << "\n";
  for (const auto& job : build.compile_jobs())
    out << job.argv.back() << ":\n\t" << command_line(job.argv) << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::string size = argc > 1 ? argv[1] : "small";
  const int jobs = argc > 2 ? std::stoi(argv[2]) : 2;
  const int rounds = argc > 3 ? std::stoi(argv[3]) : 5;
  const std::string flags = argc > 4 ? argv[4] : "-O2";

  const TempDir dir("corebench-compile-vs-make");
  const Toolchain toolchain("auto", flags);
  const SourceTree tree = generate_tree(tree_shape(size), 1);
  const ProjectBuild build(tree, toolchain, dir.path() / "tree");
  const std::filesystem::path makefile = dir.path() / "Makefile";
  write_makefile(build, makefile);
  const JobScheduler scheduler(jobs, allowed_cpus());
  const std::string make = "make -s -j" + std::to_string(jobs) + " -C " + build.root().string() +
                           " -f " + makefile.string() + " program";

  std::printf("tree %s (%zu units, %zu lines), %d jobs, flags %s\n", size.c_str(),
              tree.translation_units.size(), tree.lines, jobs, flags.c_str());
  std::vector<double> ours, theirs;
  for (int round = 0; round < rounds; ++round) {
    build.clean();
    ours.push_back(corebench::seconds_of([&] {
      if (const auto failure = build.build(scheduler)) {
        std::fprintf(stderr, "%s\n", failure->message().c_str());
        std::exit(1);
      }
    }));
    build.clean();
    theirs.push_back(corebench::seconds_of([&] {
      if (std::system(make.c_str()) != 0) std::exit(1);
    }));
    std::printf("round %d: corebench %.3f s   make -j%d %.3f s\n", round + 1, ours.back(), jobs,
                theirs.back());
  }
  const double a = corebench::summarize(ours).median, b = corebench::summarize(theirs).median;
  std::printf("median: corebench %.3f s, make %.3f s, corebench/make = %.3f\n", a, b, a / b);
  return 0;
}
