#include "workloads/c-ray/resolution.h"

#include <fmt/format.h>

#include <charconv>

#include "workloads/options.h"

namespace corebench::cray {
namespace {

bool parse_side(std::string_view text, int& side) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), side);
  return ec == std::errc() && end == text.data() + text.size() && side >= 1 && side <= kMaxSide;
}

}  // namespace

Resolution parse_resolution(const std::string& text) {
  if (text == "1080p") return {1920, 1080};
  if (text == "4k") return {3840, 2160};
  if (text == "5k") return {5120, 2880};
  const std::size_t x = text.find('x');
  Resolution r;
  if (x == std::string::npos || !parse_side(std::string_view(text).substr(0, x), r.width) ||
      !parse_side(std::string_view(text).substr(x + 1), r.height))
    throw OptionError(
        fmt::format("option 'resolution': '{}' is not 1080p, 4k, 5k or WxH with sides 1 to {}",
                    text, kMaxSide));
  return r;
}

}  // namespace corebench::cray
