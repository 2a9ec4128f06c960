// Comparison of result files as multipliers against a reference machine.
//
// A multiplier above 1.00 always means "better than the reference": value /
// reference where higher is better, reference / value where lower is.
// Intervals, ties and outliers: uncertainty.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runner/results/copies.h"
#include "runner/results/power_compare.h"
#include "runner/results/result.h"
#include "runner/results/uncertainty.h"

namespace corebench {

double multiplier(double value, double reference, Direction direction);

// The options both records have and resolved differently, as
// "blas=system, ref eigen; nb=128, ref 256"; "" when none. An option one
// of them lacks (a file from before it existed) is not a difference.
std::string option_differences(const std::map<std::string, std::string>& options,
                               const std::map<std::string, std::string>& reference);
// What a report says of such a cell.
std::string options_differ_note(const std::string& differences);

// What a result's binary was built for and with: "gb10, g++ 12.2.0"; the
// full flags are in the result file (system.build.flags).
std::string describe_build(const BuildInfo& build);

// nullopt for an empty list.
std::optional<double> geometric_mean(const std::vector<double>& values);

struct Cell {
  bool present = false;  // the file has the test
  Status status = Status::Ok;
  Summary summary;
  double value = 0;                      // the statistic of the counted runs
  std::optional<Multiplier> multiplier;  // only where the reference has the test
  std::vector<RunRecord> runs;           // the counted runs, in order
  std::vector<std::size_t> outliers;     // indices into `runs` (uncertainty.h)
  std::string busy_at_start;             // busy_note() of the test's start: "" when quiet
  TestTelemetry telemetry;               // clock, temperature, energy over the counted runs
  // The options this file's run of the test resolved to that differ from
  // the reference's ("blas=system, ref eigen"): then not the same work (a
  // default changed between versions), and no multiplier. "" when the same.
  std::string options_differ;
  int copies = 0;                         // rate mode's copies; 0: one process
  std::vector<TypeShare> copies_by_type;  // rate mode: each core type's part of `value`
};

struct Row {
  std::string test;
  std::string workload;
  std::string category;  // from the caller's map; "other" when unknown
  std::string unit;
  std::string cpus_spec;  // of the first file that has the test
  int threads = 0;
  Direction direction = Direction::HigherIsBetter;
  std::optional<double> reference;       // the reference machine's statistic
  std::vector<Cell> cells;               // one per column
  std::optional<Efficiency> efficiency;  // where every column has energy of one kind
};

struct Comparison {
  Statistic statistic = Statistic::Mean;
  std::string reference_label;  // empty: no reference
  std::string reference_build;  // describe_build() of the reference
  std::vector<std::string> columns;
  std::vector<std::string> builds;  // describe_build(), one per column
  std::vector<SystemInfo> systems;  // one per column
  std::optional<SystemInfo> reference_system;
  std::vector<Row> rows;
  std::vector<std::string> clock_types;  // core types whose clocks some file recorded
  // Per column, over the tests every column and the reference have.
  std::vector<std::optional<Multiplier>> geomean;
  std::size_t geomean_tests = 0;
};

struct CompareOptions {
  Statistic statistic = Statistic::Mean;
  std::map<std::string, std::string> categories;  // workload id -> category
};

// `reference` may be null (no multipliers). Its label names it in tables.
Comparison compare(const std::vector<ResultFile>& files, const ResultFile* reference,
                   const CompareOptions& options = {});

// "mean" or "median"; throws Error for anything else.
Statistic statistic_from_string(const std::string& name);
std::string to_string(Statistic statistic);

// The reference machine's results: the file `path`, else (empty `path`) one
// result file of every test the files in results/reference/ hold (the first
// file in name order wins a test two of them have); nullopt when there are
// none. Throws Error for a file that cannot be read.
std::optional<ResultFile> load_reference(const std::string& path);

}  // namespace corebench
