// Measured multipliers beside the ones a review published: per test and
// machine, whether the measured multiplier's interval meets the published
// value or range.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/results/compare.h"
#include "runner/results/published.h"

namespace corebench {

enum class Agreement {
  Inside,       // the interval (the value, without one) meets the published figure
  Outside,      // all of it lies outside: the measurement disagrees with the review
  NoFigure,     // the review has no figure for this test and machine
  NotMeasured,  // the file lacks the test or it did not end ok
};
std::string to_string(Agreement agreement);

struct PublishedCell {
  std::optional<Multiplier> measured;        // against the base machine's file
  std::optional<PublishedFigure> published;  // relative to the base machine
  Agreement agreement = Agreement::NoFigure;
};

struct PublishedRow {
  std::string test;
  std::string result;                // the review's name of it; empty: no published result
  std::vector<PublishedCell> cells;  // one per compared machine
};

struct PublishedComparison {
  std::string review;  // its title
  std::string base;    // the machine the multipliers are against
  std::string base_label;
  std::vector<std::string> machines;  // the compared machines, in --as order
  std::vector<std::string> labels;    // their files' labels
  std::vector<PublishedRow> rows;
  std::size_t agreeing = 0;  // cells Inside
  std::size_t judged = 0;    // cells Inside or Outside
  // Results of the review with no test in the files, and why: "not in
  // these files" or the review file's `missing`.
  std::vector<std::pair<std::string, std::string>> unmeasured;
};

// One result file for each machine of the review.
struct MachineFile {
  std::string machine;
  ResultFile file;
};

// The base is the review's reference machine when it is among `files`, else
// the first of them; every other file is compared against it. At least two
// files, each a different machine of the review (the caller checks names).
PublishedComparison compare_published(const PublishedReview& review,
                                      const std::vector<MachineFile>& files,
                                      const CompareOptions& options);

// The published figure of `machine` against `base`: the ratio of their
// figures, a range's ends taken so that the result spans every ratio the
// two allow. nullopt where either has none.
std::optional<PublishedFigure> relative_figure(const PublishedResult& result,
                                               const std::string& machine, const std::string& base);

// Where a measured multiplier lies against a published figure.
Agreement agreement_of(const Multiplier& measured, const PublishedFigure& published);

}  // namespace corebench
