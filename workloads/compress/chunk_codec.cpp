#include "workloads/compress/chunk_codec.h"

#include <limits>
#include <stdexcept>

namespace corebench::compress {
namespace {

constexpr int kRawDeflateWindowBits = -15;  // 32 KiB window, no zlib header
constexpr int kMemLevel = 8;                // zlib's and pigz's default

[[noreturn]] void fail(const char* what, int code, const z_stream& stream) {
  throw std::runtime_error(std::string("zlib ") + what + " failed (" + std::to_string(code) +
                           (stream.msg ? std::string(": ") + stream.msg : std::string()) + ")");
}

uInt checked_uint(std::size_t size) {
  if (size > std::numeric_limits<uInt>::max()) throw std::invalid_argument("chunk too large");
  return static_cast<uInt>(size);
}

}  // namespace

Deflater::Deflater(int level) {
  const int code = deflateInit2(&stream_, level, Z_DEFLATED, kRawDeflateWindowBits, kMemLevel,
                                Z_DEFAULT_STRATEGY);
  if (code != Z_OK) fail("deflateInit2", code, stream_);
}

Deflater::~Deflater() {
  deflateEnd(&stream_);
}

std::size_t Deflater::bound(std::size_t bytes) {
  return deflateBound(&stream_, static_cast<uLong>(bytes));
}

std::size_t Deflater::compress(const unsigned char* in, std::size_t size, unsigned char* out,
                               std::size_t capacity) {
  if (const int code = deflateReset(&stream_); code != Z_OK) fail("deflateReset", code, stream_);
  stream_.next_in = const_cast<unsigned char*>(in);
  stream_.avail_in = checked_uint(size);
  stream_.next_out = out;
  stream_.avail_out = checked_uint(capacity);
  if (const int code = deflate(&stream_, Z_FINISH); code != Z_STREAM_END)
    fail("deflate", code, stream_);
  return capacity - stream_.avail_out;
}

Inflater::Inflater() {
  if (const int code = inflateInit2(&stream_, kRawDeflateWindowBits); code != Z_OK)
    fail("inflateInit2", code, stream_);
}

Inflater::~Inflater() {
  inflateEnd(&stream_);
}

std::size_t Inflater::decompress(const unsigned char* in, std::size_t size, unsigned char* out,
                                 std::size_t capacity) {
  if (const int code = inflateReset(&stream_); code != Z_OK) fail("inflateReset", code, stream_);
  stream_.next_in = const_cast<unsigned char*>(in);
  stream_.avail_in = checked_uint(size);
  stream_.next_out = out;
  stream_.avail_out = checked_uint(capacity);
  if (const int code = inflate(&stream_, Z_FINISH); code != Z_STREAM_END)
    fail("inflate", code, stream_);
  return capacity - stream_.avail_out;
}

std::uint32_t crc32_of(const unsigned char* data, std::size_t size) {
  return static_cast<std::uint32_t>(crc32_z(0L, data, size));
}

}  // namespace corebench::compress
