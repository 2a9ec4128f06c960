// One function per CLI verb; runner/cli.cpp only parses and dispatches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/exec/session.h"
#include "workloads/registry.h"

namespace corebench {

int list_verb(const Registry& registry, bool json);
struct InfoArgs {
  bool json = false;
  std::string sysfs_root = "/";  // read another machine's dump
  std::string profile;           // force a machine profile
};
int info_verb(const InfoArgs& args);

struct RunArgs {
  std::vector<std::string> targets;  // suites and workload specs; empty = quick
  std::string cpus;
  std::string threads;
  std::string copies;     // rate mode for every test (plan/copies_plan.h); empty = none
  std::string profile;    // machine profile name; empty = chosen from detection
  std::string placement;  // "compact" or "spread"; empty = the profile's
  std::optional<int> runs;
  std::string output;
  std::string reference;
  std::string label;
  double timeout = 600;
  double budget = 120;
  bool warmup = true;
  bool telemetry = true;  // the sampler (runner/telemetry); --no-telemetry
  bool strict = false;    // refuse to start when the pre-flight check warns
  bool append = false;    // add the tests to an existing --output file of this machine
  bool dry_run = false;   // print the plan and estimated times, run nothing
};
int run_verb(const Registry& registry, const RunArgs& args);
// What a session takes of the run options, with the record of its planned
// tests (`profile`: the machine profile's name). Throws Error when --append
// names a file that is not a result file.
SessionSettings session_settings(const RunArgs& args, const std::vector<PlannedTest>& tests,
                                 const std::string& profile);
// The pre-flight check over the CPUs of every planned test: each warning
// printed (and returned, for the result file); with `strict`, an Error
// that names them all on one line instead.
std::vector<std::string> preflight(const std::vector<PlannedTest>& tests, const Topology& topology,
                                   bool strict);

struct SweepArgs {
  std::string workload;  // "ramspeed:op=copy"
  std::string sets;      // "0,1,all"; empty = the profile's preset
  std::string threads;   // "1,2,4"; empty = the profile's, else one per CPU of each set
  RunArgs run;           // profile, placement, runs, output, label, timeout, budget, warm-up
};
int sweep_verb(const Registry& registry, const SweepArgs& args);

// A result file named on the command line: `latest` or `latest~N` is a
// saved result (results/saved_results), anything else a path.
std::string result_path(const std::string& word);

struct CompareArgs {
  std::vector<std::string> files;
  std::string reference;
  std::string format = "text";
  std::string statistic = "mean";  // or "median"
  std::string published;           // a review in results/published/; empty: none
  std::string as;                  // with published: "DGX Spark=a.json,Strix Halo=b.json"
};
// The registry names each workload's category (the HTML report groups by it).
int compare_verb(const Registry& registry, const CompareArgs& args);

struct ResumeArgs {
  std::string file;
  std::string reference;  // for the table at the end, as run's
  bool strict = false;
};
// Runs the tests of an interrupted or killed session's file that did not
// end, by the settings, CPU sets and threads recorded for them, and adds
// them to the file.
int resume_verb(const Registry& registry, const ResumeArgs& args);

// The result files in results_dir(), oldest first, a line each.
int results_verb();

struct RelabelArgs {
  std::string file;
  std::string label;
};
// Sets a result file's label (the name compare shows it by).
int relabel_verb(const RelabelArgs& args);

}  // namespace corebench
