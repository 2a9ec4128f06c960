#include "workloads/lzma/bench_data.h"

#include <algorithm>

namespace corebench::lzma {
namespace {

// George Marsaglia's two 16-bit multiply-with-carry generators, combined and
// salted as 7-Zip's CBaseRandomGenerator does.
class MultiplyWithCarry {
 public:
  explicit MultiplyWithCarry(std::uint32_t salt) : salt_(salt) {}
  std::uint32_t next() {
    high_ = 36969 * (high_ & 0xFFFF) + (high_ >> 16);
    low_ = 18000 * (low_ & 0xFFFF) + (low_ >> 16);
    return salt_ ^ ((high_ << 16) + low_);
  }

 private:
  std::uint32_t salt_;
  std::uint32_t high_ = 362436069;
  std::uint32_t low_ = 521288629;
};

// Takes the low `bits` bits of a random word and shifts them out.
std::uint32_t take(std::uint32_t& word, unsigned bits) {
  const std::uint32_t value = word & ((std::uint32_t{1} << bits) - 1);
  word >>= bits;
  return value;
}

// A length field: 2 bits saying how many (1 to 4) bits follow.
std::uint32_t take_length(std::uint32_t& word) {
  return take(word, 1 + take(word, 2));
}

constexpr unsigned kDistanceBits = 32;  // Bench.cpp's kOldLzmaDictBits
constexpr unsigned kMinDistanceLog = 6;
constexpr std::size_t kLiteralPrefix = 1024;  // the first KiB is all literals

}  // namespace

std::uint32_t instance_salt(std::uint32_t index) {
  auto crc_table_entry = [](std::uint32_t byte) {
    std::uint32_t r = byte;
    for (int bit = 0; bit < 8; ++bit) r = (r >> 1) ^ (0xEDB88320u & (0u - (r & 1)));
    return r;
  };
  return crc_table_entry(index & 0xFF) ^ (crc_table_entry((index >> 8) & 0xFF) << 3);
}

std::vector<unsigned char> generate_bench_data(std::size_t size, std::uint32_t salt) {
  std::vector<unsigned char> data(size);
  MultiplyWithCarry random(salt);
  std::size_t pos = 0;
  std::size_t distance = 1;  // a copy without a new distance repeats the last
  unsigned pos_bits = 1;
  while (pos < size) {
    std::uint32_t word = random.next();
    // The flag bit is taken before the prefix test, and the literal is the
    // low byte of what is left.
    if (take(word, 1) == 0 || pos < kLiteralPrefix) {
      data[pos++] = static_cast<unsigned char>(word & 0xFF);
      continue;
    }
    std::uint32_t length = 1 + take_length(word);
    if (take(word, 3) != 0) {
      length += take_length(word);
      while ((std::size_t{1} << pos_bits) < pos) ++pos_bits;
      const unsigned max_log = std::min(kDistanceBits, pos_bits);
      const unsigned log_bits = max_log <= 15 + kMinDistanceLog ? 4 : 5;
      for (;;) {
        const std::uint32_t distance_log = take(word, log_bits) + kMinDistanceLog;
        word = random.next();
        if (distance_log > max_log) continue;
        distance = word & ((std::size_t{1} << distance_log) - 1);
        if (distance < pos) break;
        word = random.next();
      }
      ++distance;
    }
    length = static_cast<std::uint32_t>(std::min<std::size_t>(length, size - pos));
    // Byte by byte: a copy may overlap the bytes it writes.
    for (std::uint32_t i = 0; i < length; ++i, ++pos) data[pos] = data[pos - distance];
  }
  return data;
}

}  // namespace corebench::lzma
