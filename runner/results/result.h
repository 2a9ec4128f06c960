// Result files: one JSON document per run of a suite, with the machine's
// facts and every sample of every test. Schema: docs/result-schema.md.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runner/results/stats.h"
#include "runner/results/system_facts.h"
#include "runner/results/telemetry.h"
#include "workloads/workload.h"

namespace corebench {

// 2: the machine's state (system: microcode ... preflight) and each test's
// start_load. 3: the sessions' plans (what `resume` runs) and the status
// "running". 4: telemetry per run and per test (clock, temperature, energy,
// throttling). 5: rate mode (each test's `copies`, each run's copies).
// Older files are still read (their state and telemetry are unknown, and
// before 3 they cannot be resumed).
inline constexpr int kResultSchemaVersion = 5;
inline constexpr int kOldestReadableSchemaVersion = 1;

// Running: the test was under way when the file was last written; in a
// file that is no longer being written, the run was killed.
enum class Status { Ok, Failed, WrongAnswer, Timeout, Skipped, Interrupted, Running };

std::string to_string(Status status);

// One copy's part of a run in rate mode (runner/results/copies.h): its
// own value in the workload's unit, where it ran and what it answered.
struct CopyRun {
  int copy = 0;  // its index in the plan
  std::string cpus;
  std::string core_type;  // the id of its CPUs' core type ("x925")
  double seconds = 0;
  double value = 0;  // in TestResult::copies.unit
  bool verified = false;
  std::string detail;  // the verdict's words, or why the copy gave none
  std::map<std::string, double> facts;
  std::vector<std::string> observed_cpus = {};
  bool strayed = false;
};

struct RunRecord {
  bool warmup = false;
  double seconds = 0;  // the timed region
  double value = 0;    // in the test's unit
  bool verified = false;
  std::string detail;  // the verdict's text
  std::map<std::string, double> facts;
  // Per OpenMP thread, the CPUs it was seen on during this run ("5", "5-6"):
  // "thread_cpus" in the file.
  std::vector<std::string> observed_cpus = {};
  bool strayed = false;         // some thread was seen outside the test's CPUs
  RunTelemetry telemetry = {};  // what the parent's sampler saw during the run
  // Rate mode: every copy's part; `value` is then their aggregate, `seconds`
  // the slowest copy's and `verified` whether every copy's answer was right.
  std::vector<CopyRun> copies = {};
};

// Rate mode: how many copies ran, and how each copy's value is measured.
struct CopiesInfo {
  int count = 0;                                    // 0: one process, not rate mode
  std::string spec;                                 // as asked: "2", "per-core", "per-type:x925"
  std::string unit;                                 // a copy's value's unit (the workload's)
  Direction direction = Direction::HigherIsBetter;  // of a copy's value
};

struct TestResult {
  std::string name;  // TestSpec::name(): the identity compare matches on
  std::string workload;
  std::map<std::string, std::string> options;  // resolved, defaults included
  std::string cpus_spec;                       // as given ("all", "0-1")
  std::string cpus;                            // the CPUs it ran on
  int threads = 0;
  std::string placement;  // "compact" or "spread": how threads were bound
  std::string schedule;   // the OpenMP schedule of schedule(runtime) loops
  std::string unit;
  Direction direction = Direction::HigherIsBetter;
  std::vector<RunRecord> runs;  // warm-up included, in order
  Summary summary;              // over the counted runs
  Status status = Status::Ok;
  std::string error;
  CopiesInfo copies;        // rate mode; `unit` and `direction` are then the aggregate's
  MachineLoad start_load;   // load averages and busiest processes when it started
  TestTelemetry telemetry;  // over the counted runs (refresh_derived)

  // The values of the counted (non-warm-up) runs.
  std::vector<double> samples() const;
  // The summary, the runs' throttled marks and the telemetry summary, from
  // the runs: derived, never trusted from a file.
  void refresh_derived();
};

// One test as a session planned it: the spec as given (what `resume`
// plans again) and what it resolved to (what the new plan must equal).
struct PlannedTestRecord {
  std::string name;  // TestResult::name it will have
  std::string workload;
  std::map<std::string, std::string> options;  // as given
  std::string cpus;                            // as given; empty = the profile's
  std::string threads;                         // as given; empty = one per CPU
  std::string copies;                          // as given; empty = one process
  std::string resolved_cpus;                   // "0-3"
  int resolved_threads = 0;
};

// What one `run` or `sweep` set out to do, with the settings its tests ran
// by, so that an interrupted or killed session can be finished later.
struct SessionRecord {
  std::string started;    // ISO 8601, UTC
  std::string profile;    // the machine profile's name
  std::string placement;  // --placement; empty = the profile's
  std::optional<int> runs;
  double budget = 0;
  bool warmup = true;
  double timeout = 0;
  bool telemetry = true;  // the sampler ran (--no-telemetry: false); true before schema 4
  std::vector<PlannedTestRecord> tests;
};

struct ResultFile {
  int schema_version = kResultSchemaVersion;
  std::string corebench_version;
  std::string label;
  std::string created;  // ISO 8601, UTC
  SystemInfo system;
  nlohmann::json topology;  // topology_to_json() of the machine; null if not recorded
  std::vector<TestResult> tests;
  std::vector<SessionRecord> sessions;  // empty in files older than version 3

  const TestResult* find(const std::string& name) const;
};

// Throws Error with one line naming the file and the problem.
ResultFile read_result_file(const std::filesystem::path& file);

// Writes to a temporary file beside `file`, syncs it and renames it over
// `file`, so that a reader (or a crash) sees the old file or the new one,
// never half of one. Throws Error.
void write_result_file(const std::filesystem::path& file, const ResultFile& result);

nlohmann::json to_json(const RunRecord& run);
RunRecord run_record_from_json(const nlohmann::json& j);  // throws nlohmann::json::exception
nlohmann::json to_json(const ResultFile& result);
ResultFile result_file_from_json(const nlohmann::json& j);  // throws Error

}  // namespace corebench
