#include "workloads/compress/compress_workload.h"

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "workloads/common/memory_guard.h"
#include "workloads/common/parallel_for_each.h"
#include "workloads/compress/corpus.h"
#include "workloads/compress/ratio_band.h"

namespace corebench::compress {
void CompressWorkload::setup(const OptionValues& options, const RunConfig& config) {
  mode_ = options.text("mode") == "compress" ? Mode::Compress : Mode::Decompress;
  level_ = std::stoi(options.text("level"));
  size_ = options.bytes("size");
  chunk_ = std::min<std::size_t>(options.bytes("chunk"), size_);
  chunks_ = (size_ + chunk_ - 1) / chunk_;
  const int threads = std::max(1, omp_get_max_threads());
  for (int t = 0; t < threads; ++t) {
    deflaters_.push_back(std::make_unique<Deflater>(level_));
    inflaters_.push_back(std::make_unique<Inflater>());
  }
  slot_ = deflaters_.front()->bound(chunk_);
  refuse_unless_it_fits(config,
                        2.0 * static_cast<double>(size_) + static_cast<double>(chunks_ * slot_),
                        "size", format_bytes(size_));

  corpus_ = generate_corpus(static_cast<std::uint64_t>(options.integer("seed")), size_);
  reference_crc_.resize(chunks_);
#pragma omp parallel for schedule(dynamic)
  for (std::size_t i = 0; i < chunks_; ++i)
    reference_crc_[i] = crc32_of(chunk_begin(i), chunk_size(i));
  packed_.resize(chunks_ * slot_);
  packed_size_.resize(chunks_);
  crc_.resize(chunks_);
  if (mode_ == Mode::Decompress) {
    compress_all();
    unpacked_.resize(size_);
  }
}

// A run that skipped a chunk must not find the previous run's result there.
void CompressWorkload::prepare() {
  std::fill(crc_.begin(), crc_.end(), 0);
  if (mode_ == Mode::Compress)
    std::fill(packed_size_.begin(), packed_size_.end(), 0);
  else
    std::fill(unpacked_.begin(), unpacked_.end(), 0);
}

RunOutput CompressWorkload::run() {
  if (mode_ == Mode::Compress)
    compress_all();
  else
    decompress_all();
  return {static_cast<double>(size_) / 1e6};
}

Verdict CompressWorkload::verify() {
  std::size_t bad = 0;
  std::size_t first_bad = chunks_;
  std::vector<unsigned char> scratch;
#pragma omp parallel for schedule(dynamic) reduction(+ : bad) reduction(min : first_bad) \
    firstprivate(scratch)
  for (std::size_t i = 0; i < chunks_; ++i) {
    if (!chunk_round_trips(i, scratch)) {
      ++bad;
      first_bad = std::min(first_bad, i);
    }
  }
  const double r = ratio();
  const RatioBand band = expected_ratio(level_);

  Verdict verdict;
  verdict.ok = bad == 0 && band.contains(r);
  verdict.facts = {{"ratio", r},
                   {"chunks", static_cast<double>(chunks_)},
                   {"bad_chunks", static_cast<double>(bad)},
                   {"corpus_version", kCorpusVersion}};
  if (bad != 0)
    verdict.detail =
        fmt::format("{} of {} chunks did not round-trip (CRC-32 or bytes differ), first chunk {}",
                    bad, chunks_, first_bad);
  else
    verdict.detail = fmt::format(
        "{} chunks round-trip byte-exact with matching CRC-32; ratio {:.4f} {} {:.2f}-{:.2f} "
        "expected for corpus v{} at level {}",
        chunks_, r, band.contains(r) ? "within" : "OUTSIDE", band.low, band.high, kCorpusVersion,
        level_);
  return verdict;
}

void CompressWorkload::compress_all() {
  parallel_for_each(chunks_, [this](std::size_t i, std::size_t thread) {
    packed_size_[i] =
        deflaters_[thread]->compress(chunk_begin(i), chunk_size(i), packed_chunk(i), slot_);
    crc_[i] = crc32_of(chunk_begin(i), chunk_size(i));
  });
}

void CompressWorkload::decompress_all() {
  parallel_for_each(chunks_, [this](std::size_t i, std::size_t thread) {
    unsigned char* out = unpacked_.data() + i * chunk_;
    inflaters_[thread]->decompress(packed_chunk(i), packed_size_[i], out, chunk_size(i));
    crc_[i] = crc32_of(out, chunk_size(i));
  });
}

// The CRC the run kept must be the original chunk's, and the chunk's
// decompressed bytes must be the original bytes.
bool CompressWorkload::chunk_round_trips(std::size_t i, std::vector<unsigned char>& scratch) {
  if (crc_[i] != reference_crc_[i]) return false;
  const unsigned char* restored = nullptr;
  if (mode_ == Mode::Decompress) {
    restored = unpacked_.data() + i * chunk_;
  } else {
    scratch.resize(chunk_);
    Inflater& inflater = *inflaters_[static_cast<std::size_t>(omp_get_thread_num())];
    try {
      if (inflater.decompress(packed_chunk(i), packed_size_[i], scratch.data(), chunk_size(i)) !=
          chunk_size(i))
        return false;
    } catch (const std::runtime_error&) {
      return false;
    }
    restored = scratch.data();
  }
  return std::memcmp(restored, chunk_begin(i), chunk_size(i)) == 0 &&
         crc32_of(restored, chunk_size(i)) == reference_crc_[i];
}

double CompressWorkload::ratio() const {
  std::size_t packed_total = 0;
  for (const std::size_t n : packed_size_) packed_total += n;
  return packed_total == 0 ? 0.0 : static_cast<double>(size_) / static_cast<double>(packed_total);
}

}  // namespace corebench::compress
