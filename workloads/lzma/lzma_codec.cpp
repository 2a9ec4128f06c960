#include "workloads/lzma/lzma_codec.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace corebench::lzma {
namespace {

lzma_options_lzma level5_options(std::uint32_t dict_bytes) {
  lzma_options_lzma options{};
  if (lzma_lzma_preset(&options, 5)) throw std::runtime_error("liblzma has no preset 5");
  // Spelled out: these are the test, whatever a liblzma version's preset is.
  options.dict_size = dict_bytes;
  options.lc = 3;
  options.lp = 0;
  options.pb = 2;
  options.mode = LZMA_MODE_NORMAL;
  options.nice_len = 32;
  options.mf = LZMA_MF_BT4;
  options.depth = 16 + options.nice_len / 2;  // 7-Zip's cut value for BT4
  options.ext_flags = 0;                      // no end marker
  return options;
}

void check_init(lzma_ret ret, const char* what) {
  if (ret != LZMA_OK)
    throw std::runtime_error(
        fmt::format("liblzma {} init failed ({})", what, static_cast<int>(ret)));
}

// The output is produced and checked in pieces of this size.
constexpr std::size_t kCrcPiece = 256 << 10;

}  // namespace

// The first init allocates the match finder's tables, later ones reuse them.
Encoder::Encoder(std::uint32_t dict_bytes) : options_(level5_options(dict_bytes)) {
  start();
}

Encoder::~Encoder() {
  lzma_end(&stream_);
}

void Encoder::start() {
  const lzma_filter filters[] = {{LZMA_FILTER_LZMA1EXT, &options_}, {LZMA_VLI_UNKNOWN, nullptr}};
  check_init(lzma_raw_encoder(&stream_, filters), "encoder");
}

std::size_t Encoder::compress(const unsigned char* in, std::size_t size, unsigned char* out,
                              std::size_t capacity) {
  start();
  stream_.next_in = in;
  stream_.avail_in = size;
  stream_.next_out = out;
  stream_.avail_out = capacity;
  const lzma_ret ret = lzma_code(&stream_, LZMA_FINISH);
  if (ret != LZMA_STREAM_END)
    throw std::runtime_error(fmt::format("liblzma encoder failed ({})", static_cast<int>(ret)));
  return capacity - stream_.avail_out;
}

// The first init allocates the window, later ones reuse it.
Decoder::Decoder(std::uint32_t dict_bytes) : options_(level5_options(dict_bytes)) {
  start(LZMA_VLI_UNKNOWN);
}

Decoder::~Decoder() {
  lzma_end(&stream_);
}

void Decoder::start(std::uint64_t size) {
  lzma_set_ext_size(options_, size);
  const lzma_filter filters[] = {{LZMA_FILTER_LZMA1EXT, &options_}, {LZMA_VLI_UNKNOWN, nullptr}};
  check_init(lzma_raw_decoder(&stream_, filters), "decoder");
}

std::uint32_t Decoder::decompress(const unsigned char* in, std::size_t packed, unsigned char* out,
                                  std::size_t size) {
  start(size);
  stream_.next_in = in;
  stream_.avail_in = packed;
  std::uint32_t crc = 0;
  std::size_t done = 0;
  lzma_ret ret = LZMA_OK;
  // liblzma may say the stream ended only on a call after the last byte; a
  // call that makes no progress twice is a stream that will not end.
  int stalls = 0;
  while (ret == LZMA_OK && stalls < 2) {
    const std::size_t piece = std::min(kCrcPiece, size - done);
    stream_.next_out = out + done;
    stream_.avail_out = piece;
    ret = lzma_code(&stream_, LZMA_FINISH);
    const std::size_t produced = piece - stream_.avail_out;
    crc = lzma_crc32(out + done, produced, crc);
    done += produced;
    stalls = produced == 0 ? stalls + 1 : 0;
  }
  if (ret != LZMA_STREAM_END || done != size || stream_.avail_in != 0)
    throw std::runtime_error(fmt::format(
        "LZMA data damaged: {} of {} bytes decoded, {} compressed bytes left (liblzma {})", done,
        size, stream_.avail_in, static_cast<int>(ret)));
  return crc;
}

std::size_t packed_capacity(std::size_t size) {
  return size + size / 16 + (1 << 10);
}

std::uint64_t encoder_memory(std::uint32_t dict_bytes) {
  lzma_options_lzma options = level5_options(dict_bytes);
  const lzma_filter filters[] = {{LZMA_FILTER_LZMA1EXT, &options}, {LZMA_VLI_UNKNOWN, nullptr}};
  return lzma_raw_encoder_memusage(filters);
}

std::uint32_t crc32_of(const unsigned char* data, std::size_t size) {
  return lzma_crc32(data, size, 0);
}

}  // namespace corebench::lzma
