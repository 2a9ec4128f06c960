// The compress workload: the corpus cut into independent chunks, each one
// compressed on its own with its CRC-32 kept beside it, as
// `pigz --independent` does; the chunks go to the threads
// dynamically. One test compresses, the other decompresses.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "workloads/compress/chunk_codec.h"
#include "workloads/workload.h"

namespace corebench::compress {

enum class Mode { Compress, Decompress };

class CompressWorkload final : public Workload {
 public:
  void setup(const OptionValues& options, const RunConfig& config) override;
  void prepare() override;
  RunOutput run() override;
  Verdict verify() override;

  // What the last run produced, for tests that damage it.
  std::vector<unsigned char>& packed() { return packed_; }
  std::vector<unsigned char>& unpacked() { return unpacked_; }
  std::vector<std::uint32_t>& crcs() { return crc_; }

 private:
  const unsigned char* chunk_begin(std::size_t i) const { return corpus_.data() + i * chunk_; }
  std::size_t chunk_size(std::size_t i) const { return std::min(chunk_, size_ - i * chunk_); }
  unsigned char* packed_chunk(std::size_t i) { return packed_.data() + i * slot_; }

  void compress_all();
  void decompress_all();
  bool chunk_round_trips(std::size_t i, std::vector<unsigned char>& scratch);
  double ratio() const;

  Mode mode_ = Mode::Compress;
  int level_ = 6;
  std::size_t size_ = 0;
  std::size_t chunk_ = 0;
  std::size_t chunks_ = 0;
  std::size_t slot_ = 0;                              // room for one compressed chunk
  std::vector<std::unique_ptr<Deflater>> deflaters_;  // one per OpenMP thread
  std::vector<std::unique_ptr<Inflater>> inflaters_;
  std::vector<unsigned char> corpus_;
  std::vector<std::uint32_t> reference_crc_;  // of the corpus, before any run
  std::vector<unsigned char> packed_;         // chunk i at i * slot_
  std::vector<std::size_t> packed_size_;
  std::vector<std::uint32_t> crc_;  // what the last run computed
  std::vector<unsigned char> unpacked_;
};

}  // namespace corebench::compress
