// The interface every corebench workload implements.
//
// A workload runs inside a child process that the runner has already pinned
// and whose OpenMP thread count it has already set. The runner times run()
// itself, so a workload cannot time the wrong region: run() reports how much
// work it did and the runner turns that and the elapsed time into the metric.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "workloads/options.h"

namespace corebench {

enum class Direction { HigherIsBetter, LowerIsBetter };

// How the runner turns one timed run() into the reported value.
enum class MetricKind {
  Seconds,  // value = elapsed seconds (lower is better)
  Rate,     // value = RunOutput::work / elapsed seconds (higher is better)
};

// How much work a run does, for time estimates (`run --dry-run`, `list`):
// `of` is relative across values of the `options` that size a run (twice
// the work takes about twice as long), nullopt where a value the machine
// decides ("auto") sets it. A test's time scales from another's only when
// every other option is the same.
struct WorkScale {
  std::vector<std::string> options;
  std::function<std::optional<double>(const OptionValues&)> of;
};

// A numeric option's value for WorkScale::of; nullopt for "auto".
inline std::optional<double> given_number(const OptionValues& options, const std::string& name) {
  if (options.is_auto(name)) return std::nullopt;
  return options.real(name);
}

struct WorkloadInfo {
  std::string id;        // "ramspeed": what users type
  std::string title;     // "RAMspeed SMP-style memory bandwidth"
  std::string category;  // "memory", "raytracing", "hpc", ...
  std::string unit;      // "MB/s", "s", "z/s"
  MetricKind metric = MetricKind::Seconds;
  std::vector<OptionSpec> options;
  std::string verification;  // what verify() checks, for `list` and docs
  // Throws OptionError for values that are each within their option's range
  // but cannot work together; unset: any values in range work together.
  std::function<void(const OptionValues&)> check = {};
  // Unset: a test's time is estimated only from the same test's.
  std::optional<WorkScale> work_scale = std::nullopt;

  Direction direction() const {
    return metric == MetricKind::Rate ? Direction::HigherIsBetter : Direction::LowerIsBetter;
  }
};

// What setup() gets besides the workload's own options.
struct RunConfig {
  int threads = 1;  // OpenMP threads; omp_set_num_threads() is already done
  // Machine facts for sizing "auto" options; 0 where the runner could not
  // read them.
  std::uint64_t last_level_cache_bytes = 0;
  std::uint64_t memory_bytes = 0;
  // The test's CPUs, in the order its threads are bound to them (thread i on
  // cpus[i % size]), for work that starts processes rather than threads.
  // The calling thread is already bound to cpus[0], so its own affinity does
  // not say which CPUs the test has. Empty: not known (use the affinity).
  std::vector<int> cpus = {};
};

struct RunOutput {
  // Units of work done in this run, for MetricKind::Rate (MB, zones, GFLOP).
  double work = 0;
  // For a rate: the seconds `work` took, when the workload times the part of
  // its run that it reports (ramspeed: its fastest round of passes, the
  // statistic STREAM reports). Zero: `work` took the whole timed region.
  double seconds = 0;
};

struct Verdict {
  bool ok = false;
  std::string detail;                   // what was checked, or what was wrong
  std::map<std::string, double> facts;  // figures worth keeping (residuals, energies)
};

class Workload {
 public:
  virtual ~Workload() = default;

  // Untimed: allocate and generate input, deterministic. Throws
  // std::invalid_argument for options that cannot work on this machine.
  virtual void setup(const OptionValues& options, const RunConfig& config) = 0;

  // Untimed, before every run: bring state back to the start when a run
  // consumes its input (a simulation that advances its mesh).
  virtual void prepare() {}

  // The timed region, nothing else.
  virtual RunOutput run() = 0;

  // Untimed, after every run: check the answer against something
  // independent of the code that computed it.
  virtual Verdict verify() = 0;
};

// What planning checks before anything runs: every value against its
// option, then the values together. Throws OptionError.
inline OptionValues resolve_options(const WorkloadInfo& info,
                                    const std::map<std::string, std::string>& given) {
  OptionValues values = OptionValues::resolve(info.options, given);
  if (info.check) info.check(values);
  return values;
}

// One entry of the registry: its description and how to make one.
struct WorkloadEntry {
  WorkloadInfo info;
  std::function<std::unique_ptr<Workload>()> make;
};

}  // namespace corebench
