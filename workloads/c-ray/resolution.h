// Picture sizes as c-ray's users name them.
#pragma once

#include <string>

namespace corebench::cray {

// The longest side a picture may have.
constexpr int kMaxSide = 16384;

struct Resolution {
  int width = 0;
  int height = 0;
};

// "1080p", "4k", "5k" (the sizes PTS offers) or "WxH". Throws OptionError.
Resolution parse_resolution(const std::string& text);

}  // namespace corebench::cray
