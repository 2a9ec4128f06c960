#include "workloads/lzma/ratings.h"

namespace corebench::lzma {
namespace {

constexpr unsigned kSubBits = 8;

// floor(log2(size)) in the high bits and the next 8 bits of the mantissa
// below them: log2 with linear interpolation between powers of two.
std::uint32_t log2_in_256ths(std::uint64_t size) {
  if (size <= 1) return 0;
  unsigned log = 0;
  while ((size >> (log + 1)) != 0) ++log;
  const std::uint64_t mantissa =
      log <= kSubBits ? size << (kSubBits - log) : size >> (log - kSubBits);
  return (log << kSubBits) + static_cast<std::uint32_t>(mantissa & ((1u << kSubBits) - 1));
}

}  // namespace

std::uint32_t compress_complexity(std::uint64_t dict_bytes) {
  const std::uint64_t rated = dict_bytes < (std::uint64_t{1} << kMinRatedDictLog)
                                  ? std::uint64_t{1} << kMinRatedDictLog
                                  : dict_bytes;
  const std::uint32_t t = log2_in_256ths(rated) - (kMinRatedDictLog << kSubBits);
  return 870 + ((t * t * 5) >> (2 * kSubBits));
}

double compress_commands(std::uint64_t unpacked_bytes, std::uint64_t dict_bytes) {
  return static_cast<double>(unpacked_bytes) * compress_complexity(dict_bytes);
}

double decompress_commands(std::uint64_t packed_bytes, std::uint64_t unpacked_bytes) {
  return static_cast<double>(packed_bytes) * 190.0 + static_cast<double>(unpacked_bytes) * 4.0;
}

}  // namespace corebench::lzma
