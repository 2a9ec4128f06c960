#include "runner/results/report/text_layout.h"

#include <fmt/format.h>

#include <algorithm>

namespace corebench {
namespace {

constexpr std::size_t kGap = 2;       // spaces between columns
constexpr std::size_t kMinWrap = 12;  // a wrapping column never gets narrower

// The UTF-8 characters of `text`, one string each.
std::vector<std::string> characters(const std::string& text) {
  std::vector<std::string> out;
  for (char c : text) {
    if ((c & 0xC0) == 0x80 && !out.empty())
      out.back() += c;
    else
      out.emplace_back(1, c);
  }
  return out;
}

std::string join(const std::vector<std::string>& chars, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += chars[i];
  return out;
}

bool breaks_after(const std::string& c) {
  return c == " " || c == "," || c == "/";
}

std::vector<std::size_t> natural_widths(const std::vector<std::vector<std::string>>& grid) {
  std::vector<std::size_t> widths;
  for (const auto& row : grid) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], display_width(row[i]));
  }
  return widths;
}

std::size_t total(const std::vector<std::size_t>& widths) {
  std::size_t sum = 0;
  for (std::size_t w : widths) sum += w;
  return widths.empty() ? 0 : sum + kGap * (widths.size() - 1);
}

// Narrows the widest wrapping column, one character at a time, until the
// table fits or every wrapping column is at its minimum.
void fit(std::vector<std::size_t>& widths, const TextLayout& layout) {
  while (total(widths) > layout.width) {
    std::size_t widest = widths.size();
    for (std::size_t i : layout.wrapping)
      if (i < widths.size() && widths[i] > kMinWrap &&
          (widest == widths.size() || widths[i] > widths[widest]))
        widest = i;
    if (widest == widths.size()) return;
    --widths[widest];
  }
}

std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::string pad(width - std::min(width, display_width(text)), ' ');
  return right ? fmt::format("{}{}", pad, text) : fmt::format("{}{}", text, pad);
}

std::string rule(const std::vector<std::size_t>& widths) {
  return fmt::format("{}\n", std::string(total(widths), '-'));
}

}  // namespace

std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::vector<std::string> short_labels(const std::vector<std::string>& labels) {
  std::vector<std::string> heads;
  for (std::size_t i = 0; i < labels.size(); ++i)
    heads.push_back(display_width(labels[i]) <= kShortLabel ? labels[i]
                                                            : fmt::format("#{}", i + 1));
  return heads;
}

std::vector<std::string> wrap_text(const std::string& text, std::size_t width) {
  const std::vector<std::string> chars = characters(text);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (chars.size() - start > width) {
    std::size_t end = start + width;
    // A break in the last half of the window, else a hard one.
    for (std::size_t i = end; i > start + width / 2; --i)
      if (breaks_after(chars[i - 1])) {
        end = i;
        break;
      }
    lines.push_back(join(chars, start, end));
    start = end;
  }
  lines.push_back(join(chars, start, chars.size()));
  return lines;
}

std::string layout_grid(const std::vector<std::vector<std::string>>& grid,
                        const TextLayout& layout) {
  std::vector<std::size_t> widths = natural_widths(grid);
  fit(widths, layout);
  std::string out;
  for (std::size_t r = 0; r < grid.size(); ++r) {
    if (std::find(layout.rules_before.begin(), layout.rules_before.end(), r) !=
        layout.rules_before.end())
      out += rule(widths);
    std::vector<std::vector<std::string>> cells;
    std::size_t height = 1;
    for (std::size_t i = 0; i < grid[r].size(); ++i) {
      cells.push_back(layout.wrapping.count(i) ? wrap_text(grid[r][i], widths[i])
                                               : std::vector<std::string>{grid[r][i]});
      height = std::max(height, cells.back().size());
    }
    for (std::size_t line = 0; line < height; ++line) {
      std::string text;
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string part = line < cells[i].size() ? cells[i][line] : "";
        text += padded(part, widths[i], i >= layout.right_aligned_from);
        if (i + 1 < cells.size()) text += std::string(kGap, ' ');
      }
      // No trailing spaces: the last column may be short on a wrapped line.
      text.erase(text.find_last_not_of(' ') + 1);
      out += fmt::format("{}\n", text);
    }
  }
  return out;
}

}  // namespace corebench
