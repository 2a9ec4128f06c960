// Writers of a comparison with a review's published figures
// (results/published_compare.h): text, markdown, csv and json.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "runner/results/published_compare.h"

namespace corebench {

class PublishedReporter {
 public:
  virtual ~PublishedReporter() = default;
  virtual void write(const PublishedComparison& table, std::ostream& out) const = 0;
};

// "text", "markdown", "csv" or "json"; throws Error for the others.
std::unique_ptr<PublishedReporter> make_published_reporter(const std::string& format);

// "0.71–0.77x" or "0.91x".
std::string format_figure(const PublishedFigure& figure);

// "agrees on 5 of 7 tests", the machines counted apart when there are
// several.
std::string agreement_summary(const PublishedComparison& table);

}  // namespace corebench
