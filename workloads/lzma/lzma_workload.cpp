#include "workloads/lzma/lzma_workload.h"

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "workloads/common/memory_guard.h"
#include "workloads/common/parallel_for_each.h"
#include "workloads/lzma/bench_data.h"
#include "workloads/lzma/bench_plan.h"
#include "workloads/lzma/ratings.h"
#include "workloads/lzma/ratio_band.h"

namespace corebench::lzma {

void LzmaWorkload::setup(const OptionValues& options, const RunConfig& config) {
  mode_ = options.text("mode") == "compress" ? Mode::Compress : Mode::Decompress;
  dict_ = std::uint32_t{1} << options.integer("dict");
  size_ = options.is_auto("size") ? bench_size(dict_) : options.bytes("size");
  const std::size_t threads = static_cast<std::size_t>(std::max(1, omp_get_max_threads()));
  const std::size_t stream_count = mode_ == Mode::Compress ? threads : (threads + 1) / 2;
  refuse_unless_it_fits(
      config, bytes_needed(stream_count, threads), "size",
      fmt::format("{} for {} streams and {} threads", format_bytes(size_), stream_count, threads));

  streams_.resize(stream_count);
  parallel_for_each(stream_count, [this](std::size_t i, std::size_t) {
    Stream& s = streams_[i];
    s.data = generate_bench_data(size_, instance_salt(static_cast<std::uint32_t>(i)));
    s.data_crc = crc32_of(s.data.data(), s.data.size());
    s.packed.resize(packed_capacity(size_));
  });
  for (std::size_t i = 0; i < stream_count; ++i)
    encoders_.push_back(std::make_unique<Encoder>(dict_));
  for (std::size_t t = 0; t < threads; ++t) {
    decoders_.push_back(std::make_unique<Decoder>(dict_));
    outputs_.emplace_back(size_);
  }
  if (mode_ == Mode::Decompress) {
    parallel_for_each(stream_count, [this](std::size_t i, std::size_t) {
      Stream& s = streams_[i];
      s.packed_size =
          encoders_[i]->compress(s.data.data(), size_, s.packed.data(), s.packed.size());
    });
    // The encoders' tables are not needed any more.
    encoders_.clear();
  }
  const std::int64_t given = options.is_auto("passes") ? 0 : options.integer("passes");
  passes_ = given != 0                ? given
            : mode_ == Mode::Compress ? auto_compress_passes(size_)
                                      : auto_decompress_passes(streams_.front().packed_size, size_);
  pass_crc_.resize(mode_ == Mode::Compress ? stream_count : threads);
  bad_passes_.resize(pass_crc_.size());
}

// A run that skipped a stream or a pass must not find the previous run's
// result.
void LzmaWorkload::prepare() {
  std::fill(pass_crc_.begin(), pass_crc_.end(), 0);
  std::fill(bad_passes_.begin(), bad_passes_.end(), 0);
  if (mode_ == Mode::Compress)
    for (Stream& s : streams_) s.packed_size = 0;
  else
    for (auto& out : outputs_) std::fill(out.begin(), out.end(), 0);
}

RunOutput LzmaWorkload::run() {
  double commands = 0;
  if (mode_ == Mode::Compress) {
    compress_all();
    commands = compress_commands(size_ * streams_.size(), dict_);
  } else {
    decompress_all();
    for (std::size_t d = 0; d < outputs_.size(); ++d)
      commands += decompress_commands(streams_[stream_of_decoder(d)].packed_size, size_);
  }
  return {commands * static_cast<double>(passes_) / 1e6};
}

void LzmaWorkload::compress_all() {
  parallel_for_each(streams_.size(), [this](std::size_t i, std::size_t) {
    Stream& s = streams_[i];
    Encoder& encoder = *encoders_[i];
    std::uint32_t first_crc = 0;
    for (std::int64_t pass = 0; pass < passes_; ++pass) {
      s.packed_size = encoder.compress(s.data.data(), size_, s.packed.data(), s.packed.size());
      const std::uint32_t crc = crc32_of(s.packed.data(), s.packed_size);
      if (pass == 0) first_crc = crc;
      if (crc != first_crc) ++bad_passes_[i];
      pass_crc_[i] = crc;
    }
  });
}

void LzmaWorkload::decompress_all() {
  parallel_for_each(outputs_.size(), [this](std::size_t d, std::size_t) {
    const Stream& s = streams_[stream_of_decoder(d)];
    for (std::int64_t pass = 0; pass < passes_; ++pass) {
      const std::uint32_t crc =
          decoders_[d]->decompress(s.packed.data(), s.packed_size, outputs_[d].data(), size_);
      if (crc != s.data_crc) ++bad_passes_[d];
      pass_crc_[d] = crc;
    }
  });
}

Verdict LzmaWorkload::verify() {
  // Compression: every stream decodes to its data. Decompression: every
  // decoder's last output is its stream's data.
  const std::size_t checks = mode_ == Mode::Compress ? streams_.size() : outputs_.size();
  std::vector<char> ok(checks, 0);
  parallel_for_each(checks, [&](std::size_t i, std::size_t thread) {
    ok[i] = stream_round_trips(i, thread) ? 1 : 0;
  });
  std::size_t bad = 0;
  std::int64_t bad_passes = 0;
  for (std::size_t i = 0; i < checks; ++i) {
    bad += ok[i] == 0 ? 1 : 0;
    bad_passes += bad_passes_[i];
  }
  const std::uint64_t unpacked = size_ * streams_.size();
  const std::uint64_t packed = packed_total();
  const double ratio =
      packed == 0 ? 0.0 : static_cast<double>(unpacked) / static_cast<double>(packed);
  const RatioBand band = expected_ratio();

  Verdict verdict;
  verdict.ok = bad == 0 && bad_passes == 0 && band.contains(ratio);
  verdict.facts = {{"ratio", ratio},
                   {"streams", static_cast<double>(streams_.size())},
                   {"passes", static_cast<double>(passes_)},
                   {"bad_streams", static_cast<double>(bad)},
                   {"bad_passes", static_cast<double>(bad_passes)},
                   // The codec is part of what is measured: its version is kept.
                   {"liblzma_version", static_cast<double>(lzma_version_number())}};
  const char* what = mode_ == Mode::Compress ? "stream" : "decoder output";
  if (bad != 0 || bad_passes != 0)
    verdict.detail = fmt::format(
        "{} of {} {}s differ from the original (CRC-32, size or bytes); {} passes had a CRC-32 "
        "other than {}",
        bad, checks, what, bad_passes,
        mode_ == Mode::Compress ? "the first pass's" : "the original's");
  else
    verdict.detail = fmt::format(
        "{} {}s equal the original (CRC-32, size, bytes) in all {} passes; ratio {:.4f} {} "
        "{:.2f}-{:.2f} expected for 7-Zip's benchmark data",
        checks, what, passes_, ratio, band.contains(ratio) ? "within" : "OUTSIDE", band.low,
        band.high);
  return verdict;
}

// The streams' data, packed data and encoders, and every thread's decoder
// window and output.
double LzmaWorkload::bytes_needed(std::size_t streams, std::size_t threads) const {
  const double per_stream = static_cast<double>(encoder_memory(dict_)) +
                            2.0 * static_cast<double>(packed_capacity(size_));
  const double per_thread = static_cast<double>(dict_) + static_cast<double>(size_);
  return per_stream * static_cast<double>(streams) + per_thread * static_cast<double>(threads);
}

bool LzmaWorkload::stream_round_trips(std::size_t i, std::size_t thread) {
  const Stream& s = streams_[mode_ == Mode::Compress ? i : stream_of_decoder(i)];
  std::vector<unsigned char>& out = outputs_[mode_ == Mode::Compress ? thread : i];
  if (mode_ == Mode::Compress) {
    if (crc32_of(s.packed.data(), s.packed_size) != pass_crc_[i]) return false;
    try {
      if (decoders_[thread]->decompress(s.packed.data(), s.packed_size, out.data(), size_) !=
          s.data_crc)
        return false;
    } catch (const std::runtime_error&) {
      return false;
    }
  } else if (pass_crc_[i] != s.data_crc) {
    return false;
  }
  return out.size() == s.data.size() && std::memcmp(out.data(), s.data.data(), size_) == 0 &&
         crc32_of(out.data(), size_) == s.data_crc;
}

std::uint64_t LzmaWorkload::packed_total() const {
  std::uint64_t total = 0;
  for (const Stream& s : streams_) total += s.packed_size;
  return total;
}

}  // namespace corebench::lzma
