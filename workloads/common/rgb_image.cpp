#include "workloads/common/rgb_image.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace corebench {
namespace {

// Reads the next whitespace-separated header number, skipping '#' comments.
int read_header_number(std::span<const unsigned char> file, std::size_t& pos) {
  while (pos < file.size()) {
    if (std::isspace(file[pos])) {
      ++pos;
    } else if (file[pos] == '#') {
      while (pos < file.size() && file[pos] != '\n') ++pos;
    } else {
      break;
    }
  }
  long value = 0;
  const std::size_t start = pos;
  while (pos < file.size() && std::isdigit(file[pos]) && value < 1'000'000)
    value = value * 10 + (file[pos++] - '0');
  if (pos == start) throw std::invalid_argument("PPM header: expected a number");
  return static_cast<int>(value);
}

// One output cell of a 1-D area resampling: input samples first, first + 1,
// ... with their weights, which sum to 1.
struct Span {
  int first = 0;
  std::vector<double> weights;
};

// Input sample i covers [i + centre - 0.5, i + centre + 0.5) in input
// pixels; output cell o covers [o, o + 1) * in / out.
std::vector<Span> area_spans(int in, int out, double centre) {
  std::vector<Span> spans(static_cast<std::size_t>(out));
  const double scale = static_cast<double>(in) / out;
  for (int o = 0; o < out; ++o) {
    const double lo = o * scale, hi = (o + 1) * scale;
    Span& span = spans[static_cast<std::size_t>(o)];
    span.first = std::max(0, static_cast<int>(std::floor(lo - centre + 0.5)));
    const int last = std::min(in - 1, static_cast<int>(std::ceil(hi - centre + 0.5)) - 1);
    double total = 0;
    for (int i = span.first; i <= last; ++i) {
      const double w =
          std::max(0.0, std::min(i + centre + 0.5, hi) - std::max(i + centre - 0.5, lo));
      span.weights.push_back(w);
      total += w;
    }
    for (double& w : span.weights) w /= total;
  }
  return spans;
}

}  // namespace

std::string encode_ppm(const RgbImage& image) {
  std::string file = fmt::format("P6\n{} {}\n255\n", image.width, image.height);
  file.append(image.bytes.begin(), image.bytes.end());
  return file;
}

RgbImage decode_ppm(std::span<const unsigned char> file) {
  if (file.size() < 2 || file[0] != 'P' || file[1] != '6')
    throw std::invalid_argument("not a binary PPM (P6) file");
  std::size_t pos = 2;
  const int width = read_header_number(file, pos);
  const int height = read_header_number(file, pos);
  const int maxval = read_header_number(file, pos);
  if (width <= 0 || height <= 0 || maxval != 255)
    throw std::invalid_argument("PPM header: need a positive size and maxval 255");
  ++pos;  // the single whitespace byte before the pixels
  RgbImage image(width, height);
  if (file.size() < pos + image.bytes.size())
    throw std::invalid_argument("PPM file: fewer pixels than its header says");
  std::copy_n(file.begin() + static_cast<std::ptrdiff_t>(pos), image.bytes.size(),
              image.bytes.begin());
  return image;
}

void write_ppm(const std::string& path, const RgbImage& image) {
  std::ofstream out(path, std::ios::binary);
  const std::string file = encode_ppm(image);
  out.write(file.data(), static_cast<std::streamsize>(file.size()));
  if (!out) throw std::runtime_error("cannot write image file " + path);
}

std::vector<double> area_resample(const RgbImage& image, int width, int height) {
  const std::vector<Span> columns = area_spans(image.width, width, image.sample_centre);
  const std::vector<Span> rows = area_spans(image.height, height, image.sample_centre);
  std::vector<double> narrow(std::size_t(image.height) * width * 3, 0.0);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < width; ++x)
      for (std::size_t k = 0; k < columns[x].weights.size(); ++k) {
        const std::uint8_t* in = image.pixel(columns[x].first + static_cast<int>(k), y);
        double* out = &narrow[(std::size_t(y) * width + x) * 3];
        for (int c = 0; c < 3; ++c) out[c] += columns[x].weights[k] * in[c];
      }
  std::vector<double> result(std::size_t(height) * width * 3, 0.0);
  for (int y = 0; y < height; ++y)
    for (std::size_t k = 0; k < rows[y].weights.size(); ++k) {
      const double* in = &narrow[std::size_t(rows[y].first + static_cast<int>(k)) * width * 3];
      double* out = &result[std::size_t(y) * width * 3];
      for (int i = 0; i < width * 3; ++i) out[i] += rows[y].weights[k] * in[i];
    }
  return result;
}

double mean_squared_difference(const RgbImage& a, const RgbImage& b) {
  if (std::int64_t(a.width) * b.height != std::int64_t(b.width) * a.height)
    throw std::invalid_argument("pictures of different aspect ratios cannot be compared");
  const int width = std::min(a.width, b.width), height = std::min(a.height, b.height);
  const std::vector<double> pa = area_resample(a, width, height);
  const std::vector<double> pb = area_resample(b, width, height);
  double squares = 0;
  for (std::size_t i = 0; i < pa.size(); ++i) squares += (pa[i] - pb[i]) * (pa[i] - pb[i]);
  return squares / static_cast<double>(pa.size());
}

double psnr_db(double mean_squared) {
  if (mean_squared <= 0) return std::numeric_limits<double>::infinity();
  return 10.0 * std::log10(255.0 * 255.0 / mean_squared);
}

}  // namespace corebench
