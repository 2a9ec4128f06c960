#include "runner/results/report/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "runner/results/number_format.h"
#include "runner/results/report/text_layout.h"

namespace corebench {
namespace {

constexpr double kWidth = 560;
constexpr double kLabelArea = 130;  // machine names, left of the bars
// What fits in the label area at the report's 11 px font, wide letters
// included; the full name is the label's tooltip and in the system table.
constexpr std::size_t kLabelChars = 17;
constexpr double kValueArea = 60;  // the value's text, right of the longest bar
constexpr double kRowHeight = 22;
constexpr double kBarHeight = 14;
constexpr double kAxisHeight = 20;
constexpr double kLineHeight = 240;

constexpr const char* kColours[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
constexpr const char* kDashes[] = {"", "6 3", "2 3", "8 3 2 3"};

std::string escape(const std::string& text) {
  return html_escape(text);
}

// A step of 1, 2 or 5 times a power of ten giving at most about 6 ticks.
double tick_step(double top) {
  const double rough = top / 6;
  const double power = std::pow(10, std::floor(std::log10(rough)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * power >= rough) return m * power;
  return 10 * power;
}

// The axis reaches past every bar, whisker, dot and the reference line.
double axis_top(const BarChart& chart) {
  double top = chart.reference_line ? 1.0 : 0.0;
  for (const auto& bar : chart.bars) {
    if (bar.value) top = std::max(top, *bar.value);
    if (bar.interval) top = std::max(top, bar.interval->high);
    for (double d : bar.dots) top = std::max(top, d);
  }
  return top > 0 ? top * 1.05 : 1.0;
}

// A tick's number with as many decimals as the step needs: "0.5", not
// "0.5000", and "2000" rather than "2000.0".
std::string tick_label(double value, double step) {
  if (std::abs(value) >= 1e7) return format_value(value);
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return fmt::format("{:.{}f}", value, decimals);
}

std::string shortened(const std::string& text, std::size_t length) {
  if (display_width(text) <= length) return text;
  return wrap_text(text, length - 1).front() + "…";
}

std::string ticks(double x0, double scale, double top, double y0, double y1) {
  std::string svg;
  const double step = tick_step(top);
  for (double t = 0; t <= top + 1e-9; t += step) {
    const double x = x0 + t * scale;
    svg += fmt::format(
        "<line class=\"tick\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>",
        x, y0, y1, y1 + 13, tick_label(t, step));
  }
  return svg;
}

std::string bar_row(const Bar& bar, double y, double x0, double scale) {
  std::string svg = fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\"><title>{}</title>{}</text>", x0 - 6,
      y + kBarHeight - 3, escape(bar.machine), escape(shortened(bar.machine, kLabelChars)));
  if (!bar.value) {
    return svg + fmt::format(
                     "<text class=\"missing\" data-machine=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\">{}"
                     "</text>",
                     escape(bar.machine), x0 + 4, y + kBarHeight - 3, escape(bar.note));
  }
  const double width = std::max(1.0, *bar.value * scale);
  svg += fmt::format(
      "<rect class=\"bar\" data-machine=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
      "height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect>",
      escape(bar.machine), x0, y, width, kBarHeight, machine_colour(bar.index), escape(bar.machine),
      escape(bar.label));
  double right = x0 + width;
  if (bar.interval) {
    const double lo = x0 + bar.interval->low * scale, hi = x0 + bar.interval->high * scale;
    const double mid = y + kBarHeight / 2;
    svg += fmt::format(
        "<g class=\"whisker\"><line class=\"whisker\" x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" "
        "y2=\"{2:.1f}\"/><line class=\"whisker\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{3:.1f}\" "
        "y2=\"{4:.1f}\"/><line class=\"whisker\" x1=\"{1:.1f}\" x2=\"{1:.1f}\" y1=\"{3:.1f}\" "
        "y2=\"{4:.1f}\"/></g>",
        lo, hi, mid, y + 2, y + kBarHeight - 2);
    right = std::max(right, hi);
  }
  for (double d : bar.dots)
    svg += fmt::format("<circle class=\"run\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>",
                       x0 + d * scale, y + kBarHeight / 2);
  return svg + fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>", right + 4,
                           y + kBarHeight - 3, escape(bar.label));
}

std::string caption(const std::string& title, const std::string& subtitle) {
  return fmt::format("<figcaption>{}<br><small>{}</small></figcaption>", escape(title),
                     escape(subtitle));
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string machine_colour(std::size_t index) {
  return kColours[index % std::size(kColours)];
}

std::string render_bar_chart(const BarChart& chart, const std::string& kind) {
  const double top = axis_top(chart);
  const double scale = (kWidth - kLabelArea - kValueArea) / top;
  const double height = kRowHeight * static_cast<double>(chart.bars.size()) + kAxisHeight + 6;
  const double axis_y = height - kAxisHeight;
  std::string svg = fmt::format(
      "<figure class=\"chart {}\" data-test=\"{}\">{}<svg viewBox=\"0 0 {} {:.0f}\" role=\"img\" "
      "aria-label=\"{}\">",
      kind, escape(chart.title), caption(chart.title, chart.subtitle), kWidth, height,
      escape(chart.title));
  svg += ticks(kLabelArea, scale, top, 2, axis_y);
  for (std::size_t i = 0; i < chart.bars.size(); ++i)
    svg += bar_row(chart.bars[i], 4 + kRowHeight * static_cast<double>(i), kLabelArea, scale);
  svg += fmt::format("<line class=\"axis\" x1=\"{0}\" x2=\"{0}\" y1=\"2\" y2=\"{1:.1f}\"/>",
                     kLabelArea, axis_y);
  if (chart.reference_line)
    svg +=
        fmt::format("<line class=\"ref\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"0\" y2=\"{1:.1f}\"/>",
                    kLabelArea + scale, axis_y);
  svg += "</svg>";
  for (const auto& note : chart.notes) svg += "<p class=\"note\">" + escape(note) + "</p>";
  return svg + "</figure>";
}

std::string render_line_chart(const LineChart& chart) {
  double max_x = 1, max_y = 0;
  for (const auto& s : chart.series)
    for (const auto& [x, y] : s.points) {
      max_x = std::max(max_x, x);
      max_y = std::max(max_y, y);
    }
  max_y = max_y > 0 ? max_y * 1.1 : 1;
  // The right margin holds half of the last tick's label, centred on the
  // plot's edge.
  const double left = 60, right = kWidth - 24, top = 10, bottom = kLineHeight - 30;
  const auto px = [&](double x) { return left + x / max_x * (right - left); };
  const auto py = [&](double y) { return bottom - y / max_y * (bottom - top); };
  std::string svg = fmt::format(
      "<figure class=\"chart sweep\" data-test=\"{}\">{}<svg viewBox=\"0 0 {} {}\" role=\"img\">",
      escape(chart.title), caption(chart.title, chart.subtitle), kWidth, kLineHeight);
  const double step = tick_step(max_y);
  for (double t = 0; t <= max_y + 1e-9; t += step)
    svg += fmt::format(
        "<line class=\"tick\" x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>",
        left, right, py(t), left - 4, py(t) + 4, tick_label(t, step));
  const double xstep = std::max(1.0, tick_step(max_x));
  for (double t = 0; t <= max_x + 1e-9; t += xstep)
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>", px(t),
                       bottom + 14, tick_label(t, xstep));
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">threads</text>",
                     (left + right) / 2, bottom + 27);
  for (const auto& s : chart.series) {
    std::string points;
    for (const auto& [x, y] : s.points) points += fmt::format("{:.1f},{:.1f} ", px(x), py(y));
    svg += fmt::format(
        "<polyline class=\"series\" data-series=\"{}\" points=\"{}\" fill=\"none\" stroke=\"{}\" "
        "stroke-width=\"2\" stroke-dasharray=\"{}\"><title>{}</title></polyline>",
        escape(s.name), points, machine_colour(s.colour), kDashes[s.dash % std::size(kDashes)],
        escape(s.name));
    for (const auto& [x, y] : s.points)
      svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>", px(x), py(y),
                         machine_colour(s.colour));
  }
  svg += "</svg><ul class=\"legend\">";
  // One point draws no line, and several would crowd their labels on the
  // plot: its value is in its legend entry instead.
  for (const auto& s : chart.series) {
    std::string name = s.name;
    if (s.points.size() == 1)
      name += fmt::format(": {} at {:g} thread{}", format_value(s.points[0].second),
                          s.points[0].first, s.points[0].first == 1 ? "" : "s");
    svg += fmt::format("<li><span class=\"swatch\" style=\"background:{}\"></span>{}</li>",
                       machine_colour(s.colour), escape(name));
  }
  return svg + "</ul></figure>";
}

}  // namespace corebench
