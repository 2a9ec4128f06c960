#include "runner/cli/cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>

#include "runner/child/child.h"
#include "runner/cli/completion.h"
#include "runner/cli/manual.h"
#include "runner/cli/verbs.h"
#include "runner/common/error.h"
#include "runner/machine/system_info.h"

namespace corebench {
namespace {

constexpr const char* kExitStatusFooter =
    "Exit status of run, sweep and resume: 0 every test ended ok; 1 a test ended failed,\n"
    "timeout or wrong-answer (the result file is complete); 2 a usage or input error, before\n"
    "any test ran; 130 interrupted by Ctrl-C (128 + the signal: 143 for SIGTERM, 129 for\n"
    "SIGHUP, which stop a run as Ctrl-C does). Other verbs: 0, or 2 for a usage or input error.";

// What `run` and `sweep` share: the machine profile, placement, and how
// each test runs and is saved.
void add_session_options(CLI::App* verb, RunArgs& run) {
  verb->add_option("--profile", run.profile,
                   "Machine profile (profiles/machines/NAME.toml; default: the one matching "
                   "this machine)");
  verb->add_option("--placement", run.placement,
                   "How OpenMP threads are bound: compact or spread (default: the profile's)")
      ->check(CLI::IsMember({"compact", "spread"}));
  verb->add_option("--runs", run.runs, "Exactly this many counted runs per test")
      ->check(CLI::Range(1, 1000));
  CLI::Option* output =
      verb->add_option("--output", run.output,
                       "Result file (default: ~/.local/share/corebench/results/TIME.json, "
                       "$XDG_DATA_HOME if set); an existing one is refused");
  verb->add_flag("--append", run.append,
                 "Add the tests to the existing --output file (same machine and build only)")
      ->needs(output);
  verb->add_option("--label", run.label, "Name of this machine in tables (default: hostname)");
  verb->add_option("--timeout", run.timeout,
                   "Seconds a test's setup or one run may take before it is killed")
      ->check(CLI::Range(0.1, 86400.0));
  verb->add_option("--budget", run.budget,
                   "Seconds of counted runs after which no extra run is added to a test")
      ->check(CLI::Range(0.0, 86400.0));
  verb->add_flag("!--no-warmup", run.warmup, "Skip the discarded warm-up run");
  verb->add_flag("!--no-telemetry", run.telemetry,
                 "Do not sample clock, temperature and energy during runs");
  verb->add_flag("--strict", run.strict,
                 "Refuse to start when the machine is busy, the governor is not performance, "
                 "or it runs in a VM (otherwise a warning, recorded in the results)");
  verb->footer(kExitStatusFooter);
}

void add_run(CLI::App& app, RunArgs& run) {
  CLI::App* verb = app.add_subcommand(
      "run", "Run suites or workloads, save every sample, print results against the reference");
  verb->add_option("targets", run.targets,
                   "Suites (quick, ...) and workloads with options: ramspeed:op=copy,type=int. "
                   "Default: the quick suite");
  verb->add_option("--cpus", run.cpus,
                   "CPU set for every test: all, big, x925, cluster1, l3:0, smt-primary, "
                   "0-4,10-14, x925-cluster0, x925:3, ... (see corebench info; default: the "
                   "profile's)");
  verb->add_option("--threads", run.threads,
                   "Threads for every test: a number or 'all' (default: one per CPU of the set; "
                   "with --copies, per copy, default 1)");
  verb->add_option("--copies", run.copies,
                   "Rate mode: N independent copies of each test at once, each pinned to its own "
                   "CPUs (every core before an SMT sibling, the fastest type first); per-core: one "
                   "per core of the set; per-type: a pass per core type; per-type:TYPE");
  verb->add_option("--reference", run.reference,
                   "Reference result file (default: the files in results/reference/)");
  verb->add_flag("--dry-run", run.dry_run,
                 "Print the planned tests (CPU sets, threads, estimated time) and run nothing");
  add_session_options(verb, run);
}

void add_sweep(CLI::App& app, SweepArgs& sweep) {
  CLI::App* verb = app.add_subcommand(
      "sweep", "Run one workload over several CPU sets and thread counts, print how it scales");
  verb->add_option("workload", sweep.workload, "The workload with options: ramspeed:op=copy")
      ->required();
  verb->add_option("--sets", sweep.sets,
                   "CPU sets, comma-separated; group a list in parentheses: 0,1,(0-4,10-14),all "
                   "(default: the profile's sweep preset)");
  verb->add_option("--threads", sweep.threads,
                   "Thread counts, comma-separated: 1,2,4 (default: one per CPU of each set)");
  add_session_options(verb, sweep.run);
}

void add_compare(CLI::App& app, CompareArgs& compare) {
  CLI::App* verb =
      app.add_subcommand("compare", "Compare result files as multipliers against a reference");
  verb->add_option("files", compare.files,
                   "Result files (JSON); latest is the newest saved result, latest~1 the one "
                   "before it (see corebench results)")
      ->required();
  verb->add_option("--reference", compare.reference,
                   "Reference result file (default: the files in results/reference/)");
  verb->add_option("--format", compare.format,
                   "text, markdown, csv, csv-runs (one row per run), json or html")
      ->check(CLI::IsMember({"text", "markdown", "csv", "csv-runs", "json", "html"}));
  verb->add_option("--statistic", compare.statistic,
                   "What a test's runs are summed up by: mean (Welch interval on logs) or "
                   "median (bootstrap interval)")
      ->check(CLI::IsMember({"mean", "median"}));
  CLI::Option* published = verb->add_option(
      "--published", compare.published,
      "A review (results/published/NAME.toml: signal65-2026, strix-vs-spark): its published "
      "multipliers beside the measured ones, marked where they disagree");
  verb->add_option("--as", compare.as,
                   "With --published, the review's machine each file is: "
                   "\"DGX Spark=a.json,Strix Halo=b.json\"")
      ->needs(published);
  published->needs("--as");
}

void add_resume(CLI::App& app, ResumeArgs& resume) {
  CLI::App* verb = app.add_subcommand(
      "resume",
      "Run the tests of an interrupted or killed run that did not end, as they were planned, "
      "and add them to its file");
  verb->add_option("file", resume.file, "Result file (JSON) of run or sweep, or latest(~N)")
      ->required();
  verb->add_option("--reference", resume.reference,
                   "Reference result file (default: the files in results/reference/)");
  verb->add_flag("--strict", resume.strict,
                 "Refuse to start when the pre-flight check warns (as run's --strict)");
  verb->footer(kExitStatusFooter);
}

void add_relabel(CLI::App& app, RelabelArgs& relabel) {
  CLI::App* verb = app.add_subcommand("relabel", "Set the label a result file is shown by");
  verb->add_option("file", relabel.file, "Result file (JSON), or latest(~N)")->required();
  verb->add_option("label", relabel.label, "The new label")->required();
}

struct AllArgs {
  RunArgs run;
  SweepArgs sweep;
  CompareArgs compare;
  InfoArgs info;
  ResumeArgs resume;
  RelabelArgs relabel;
  bool json = false;
  std::string request;
  std::string manual_output;
};

// To `path`, or standard output where it is empty.
void write_text(const std::string& path, const std::string& text) {
  if (path.empty()) {
    fmt::print("{}", text);
    return;
  }
  std::ofstream out(path);
  out << text;
  if (!out.flush()) throw Error(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
}

int dispatch(CLI::App& app, const Registry& registry, const AllArgs& args) {
  const RunArgs& run = args.run;
  const SweepArgs& sweep = args.sweep;
  const CompareArgs& compare = args.compare;
  const InfoArgs& info = args.info;
  const bool json = args.json;
  const std::string& request = args.request;
  if (app.got_subcommand("list")) return list_verb(registry, json);
  if (app.got_subcommand("info")) return info_verb(info);
  if (app.got_subcommand("run")) return run_verb(registry, run);
  if (app.got_subcommand("sweep")) return sweep_verb(registry, sweep);
  if (app.got_subcommand("compare")) return compare_verb(registry, compare);
  if (app.got_subcommand("resume")) {
    ResumeArgs resume = args.resume;
    resume.file = result_path(resume.file);
    return resume_verb(registry, resume);
  }
  if (app.got_subcommand("relabel")) {
    RelabelArgs relabel = args.relabel;
    relabel.file = result_path(relabel.file);
    return relabel_verb(relabel);
  }
  if (app.got_subcommand("results")) return results_verb();
  if (app.got_subcommand("exec")) return run_child(registry, request);
  if (app.got_subcommand("manual")) {
    write_text(args.manual_output, manual_page(app, build_info().version));
    return 0;
  }
  return 0;
}

}  // namespace

int corebench_main(int argc, char** argv, const Registry& registry) {
  // A test process that dies must not take the runner down with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app(
      "corebench: CPU workload benchmarks, pinned to named CPU sets, "
      "compared as multipliers against a reference machine",
      "corebench");
  app.set_version_flag("--version", build_info().version);
  app.footer(kExitStatusFooter);
  app.require_subcommand(1);
  AllArgs args;
  bool& json = args.json;
  app.add_subcommand("list", "List workloads with their options, and suites")
      ->add_flag("--json", json, "Machine-readable output");
  InfoArgs& info = args.info;
  CLI::App* info_command = app.add_subcommand(
      "info", "Show this machine (core types, clusters, caches, CPU sets, profile) and this build");
  info_command->add_flag("--json", info.json, "Machine-readable output");
  info_command->add_option("--sysfs-root", info.sysfs_root,
                           "Read /proc and /sys below DIR instead (a dump of another machine)");
  info_command->add_option("--profile", info.profile, "Show this machine profile instead");
  add_run(app, args.run);
  add_sweep(app, args.sweep);
  add_compare(app, args.compare);
  add_resume(app, args.resume);
  add_relabel(app, args.relabel);
  app.add_subcommand("results", "List the saved results (run's default --output directory)");
  std::string& request = args.request;
  CLI::App* exec = app.add_subcommand("exec", "Run one test inside a pinned child (internal)");
  exec->group("");
  exec->add_option("--request", request)->required();
  // For the manual page built with the package, not for users (`complete`,
  // for the shell, is answered before parsing below).
  CLI::App* manual = app.add_subcommand("manual", "Write the manual page, roff (internal)");
  manual->group("");
  manual->add_option("--output", args.manual_output, "The file (default: standard output)");

  // The words to complete are another command line, not ours to parse
  // (CLI11 would reject their options), so they are taken before parsing.
  if (argc > 1 && std::string_view(argv[1]) == "complete") {
    std::vector<std::string> words(argv + 2, argv + argc);
    if (!words.empty() && words.front() == "--") words.erase(words.begin());
    for (const auto& word : complete_words(app, registry, words)) fmt::print("{}\n", word);
    return 0;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (app.get_subcommands().empty() && argc > 1 && argv[1][0] != '-') {
      fmt::print(stderr,
                 "corebench: error: unknown verb '{}' (verbs: list, info, run, sweep, compare, "
                 "resume, relabel, results)\n",
                 argv[1]);
      return kInputErrorExit;
    }
    fmt::print(stderr, "corebench: error: {} (see corebench --help)\n", e.what());
    return kInputErrorExit;
  }
  try {
    return dispatch(app, registry, args);
  } catch (const SessionAborted& e) {
    fmt::print(stderr, "corebench: error: {}\n", e.what());
    return kTestFailedExit;
  } catch (const std::exception& e) {
    // Every other error comes before a test starts: planning, files, paths.
    fmt::print(stderr, "corebench: error: {}\n", e.what());
    return kInputErrorExit;
  }
}

}  // namespace corebench
