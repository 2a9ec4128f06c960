// The lzma workload: 7-Zip's benchmark (`7z b`) on liblzma. Compression:
// one encoder instance per thread, each compressing its own salted copy of
// the benchmark data `passes` times, with the CRC-32 of its output taken
// every pass (7-Zip checks that every pass writes the same bytes).
// Decompression, 7-Zip's layout: (threads + 1) / 2 compressed streams made
// in setup, one decoder per thread, two decoders to a stream, each decoding
// its stream `passes` times with the CRC-32 of the output.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "workloads/lzma/lzma_codec.h"
#include "workloads/workload.h"

namespace corebench::lzma {

enum class Mode { Compress, Decompress };

// One instance's data and what it compresses to.
struct Stream {
  std::vector<unsigned char> data;
  std::uint32_t data_crc = 0;
  std::vector<unsigned char> packed;  // packed_capacity(data.size()) bytes
  std::size_t packed_size = 0;
};

class LzmaWorkload final : public Workload {
 public:
  void setup(const OptionValues& options, const RunConfig& config) override;
  void prepare() override;
  RunOutput run() override;
  Verdict verify() override;

  // What the last run produced, for tests that damage it.
  std::vector<Stream>& streams() { return streams_; }
  std::vector<std::vector<unsigned char>>& outputs() { return outputs_; }
  std::vector<std::uint32_t>& pass_crcs() { return pass_crc_; }

 private:
  double bytes_needed(std::size_t streams, std::size_t threads) const;
  void compress_all();
  void decompress_all();
  std::size_t stream_of_decoder(std::size_t decoder) const { return decoder / 2; }
  bool stream_round_trips(std::size_t i, std::size_t thread);
  std::uint64_t packed_total() const;

  Mode mode_ = Mode::Compress;
  std::uint32_t dict_ = 0;
  std::size_t size_ = 0;
  std::int64_t passes_ = 1;
  std::vector<Stream> streams_;
  std::vector<std::unique_ptr<Encoder>> encoders_;   // one per stream (compress)
  std::vector<std::unique_ptr<Decoder>> decoders_;   // one per thread
  std::vector<std::vector<unsigned char>> outputs_;  // one per decoder (decompress)
  // Per stream (compress) or decoder (decompress): the last pass's CRC-32 of
  // the compressed or decompressed bytes, and the passes whose CRC differed
  // from the expected one.
  std::vector<std::uint32_t> pass_crc_;
  std::vector<std::int64_t> bad_passes_;
};

}  // namespace corebench::lzma
