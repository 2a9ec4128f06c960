// Fitting a grid of display strings into a terminal's width: columns
// aligned by characters (the tables use ± ≈ — ↑), chosen columns wrapped
// onto more lines until the whole fits.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace corebench {

inline constexpr std::size_t kTextWidth = 100;
// A label longer than this heads its column as "#N" (named in a legend).
inline constexpr std::size_t kShortLabel = 14;

// Characters, not bytes: UTF-8 continuation bytes do not count.
std::size_t display_width(const std::string& text);

// Each label as it is when short, else "#1", "#2", ... by position.
std::vector<std::string> short_labels(const std::vector<std::string>& labels);

// `text` in lines of at most `width` characters, broken after a space,
// comma or slash where one is near the end, else anywhere.
std::vector<std::string> wrap_text(const std::string& text, std::size_t width);

struct TextLayout {
  std::size_t width = kTextWidth;
  std::set<std::size_t> wrapping;         // columns that may wrap (the others keep their width)
  std::size_t right_aligned_from = 0;     // columns from here on line up on the right
  std::vector<std::size_t> rules_before;  // grid rows a line of '-' comes before
};

// The grid as text, one line per grid row plus the wrapped lines.
std::string layout_grid(const std::vector<std::vector<std::string>>& grid,
                        const TextLayout& layout);

}  // namespace corebench
