// Inline SVG charts for the HTML report: horizontal bars with whiskers and
// dots, and lines of value against threads. Plain markup: no script, no
// external font or style.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runner/results/uncertainty.h"

namespace corebench {

// Text for HTML element content and attribute values (& < > ").
std::string html_escape(const std::string& text);

// The colour of machine `index`: ten that stay apart for colour-blind
// readers (Tableau 10), then again from the first.
std::string machine_colour(std::size_t index);

struct Bar {
  std::string machine;
  std::size_t index = 0;  // the machine's colour
  std::optional<double> value;
  std::optional<Interval> interval;  // the whiskers
  std::vector<double> dots;          // the runs
  std::string label;                 // shown at the bar's end; `note` instead when no value
  std::string note = "";
};

struct BarChart {
  std::string title;
  std::string subtitle;
  bool reference_line = false;  // a dashed line at 1.00
  std::vector<Bar> bars;
  std::vector<std::string> notes;  // below the chart: what a reader should know of its runs
};

// <figure class="chart KIND" data-test="TITLE">, one <rect class="bar"
// data-machine="..."> per bar with a value.
std::string render_bar_chart(const BarChart& chart, const std::string& kind);

struct Series {
  std::string name;
  std::size_t colour = 0;                         // machine index
  std::size_t dash = 0;                           // CPU set index: solid, dashed, dotted, ...
  std::vector<std::pair<double, double>> points;  // (threads, value), by threads
};

struct LineChart {
  std::string title;
  std::string subtitle;
  std::vector<Series> series;
};

std::string render_line_chart(const LineChart& chart);

}  // namespace corebench
