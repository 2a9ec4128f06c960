// LZMA1 as 7-Zip's benchmark runs it, on liblzma: level 5's settings
// (BT4 match finder, 32 fast bytes, match-finder depth 32, lc3 lp0 pb2) and
// the dictionary size given, raw streams without an end marker (the size is
// known, as in the benchmark and in .7z). One reusable stream per instance:
// liblzma keeps its match-finder tables between inits when the settings do
// not change, as 7-Zip's encoder keeps them between passes.
#pragma once

#include <lzma.h>

#include <cstddef>
#include <cstdint>

namespace corebench::lzma {

class Encoder {
 public:
  explicit Encoder(std::uint32_t dict_bytes);
  Encoder(const Encoder&) = delete;
  Encoder& operator=(const Encoder&) = delete;
  ~Encoder();

  // Compresses `in` into `out`; returns the compressed size. Throws
  // std::runtime_error on a liblzma error or when `out` is too small.
  std::size_t compress(const unsigned char* in, std::size_t size, unsigned char* out,
                       std::size_t capacity);

 private:
  void start();

  lzma_options_lzma options_{};
  lzma_stream stream_ = LZMA_STREAM_INIT;
};

class Decoder {
 public:
  explicit Decoder(std::uint32_t dict_bytes);
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;
  ~Decoder();

  // Decompresses `in` (all of it) to exactly `size` bytes at `out`, taking
  // the CRC-32 of each piece as it is produced, while it is in cache, as
  // 7-Zip's decoder does when it flushes its window to the CRC stream.
  // Returns the CRC-32 of the output. Throws std::runtime_error when the
  // data is damaged or does not decode to `size` bytes from all of `in`.
  std::uint32_t decompress(const unsigned char* in, std::size_t packed, unsigned char* out,
                           std::size_t size);

 private:
  void start(std::uint64_t size);

  lzma_options_lzma options_{};
  lzma_stream stream_ = LZMA_STREAM_INIT;
};

// The room compress() needs for `size` bytes: 7-Zip's benchmark allots
// size + size / 16 + 1 KiB.
std::size_t packed_capacity(std::size_t size);

// What one Encoder allocates, by liblzma's reckoning.
std::uint64_t encoder_memory(std::uint32_t dict_bytes);

std::uint32_t crc32_of(const unsigned char* data, std::size_t size);

}  // namespace corebench::lzma
