// zlib's deflate and inflate on whole chunks in memory, one reusable
// stream per thread (setting a stream up costs more than a small chunk).
// Raw deflate: the chunk's CRC-32 is kept beside it, as gzip keeps it.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace corebench::compress {

class Deflater {
 public:
  explicit Deflater(int level);
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  ~Deflater();

  // Room `compress` needs for `bytes` of input.
  std::size_t bound(std::size_t bytes);

  // Compresses `in` into `out` (at least bound(size) bytes); returns the
  // compressed size. Throws std::runtime_error on a zlib error.
  std::size_t compress(const unsigned char* in, std::size_t size, unsigned char* out,
                       std::size_t capacity);

 private:
  z_stream stream_{};
};

class Inflater {
 public:
  Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  ~Inflater();

  // Decompresses `in` into `out`; returns the decompressed size, or throws
  // std::runtime_error when the data is damaged or does not fit.
  std::size_t decompress(const unsigned char* in, std::size_t size, unsigned char* out,
                         std::size_t capacity);

 private:
  z_stream stream_{};
};

std::uint32_t crc32_of(const unsigned char* data, std::size_t size);

}  // namespace corebench::compress
