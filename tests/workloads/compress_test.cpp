#include "workloads/compress/compress.h"

#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <array>

#include "workloads/compress/chunk_codec.h"
#include "workloads/compress/compress_workload.h"
#include "workloads/compress/corpus.h"

namespace corebench {
namespace {

using compress::CompressWorkload;
using compress::kSegmentBytes;
using compress::SegmentKind;

// 40 segments: four whole turns of the segment rotation.
constexpr std::size_t kTestBytes = 40 * kSegmentBytes;

OptionValues options(const std::string& mode, const std::string& level,
                     const std::string& chunk = "128KiB") {
  return OptionValues::resolve(
      make_compress_entry().info.options,
      {{"mode", mode}, {"level", level}, {"size", std::to_string(kTestBytes)}, {"chunk", chunk}});
}

void setup_and_run(CompressWorkload& workload, const OptionValues& values) {
  workload.setup(values, {2, 0, 0});
  workload.prepare();
  workload.run();
}

TEST(Corpus, SameForAnyThreadCountAndSeedDependent) {
  const int threads = omp_get_max_threads();
  omp_set_num_threads(1);
  const auto one = compress::generate_corpus(7, kTestBytes + 1000);
  omp_set_num_threads(3);
  const auto three = compress::generate_corpus(7, kTestBytes + 1000);
  omp_set_num_threads(threads);
  EXPECT_EQ(one, three);
  EXPECT_NE(one, compress::generate_corpus(8, kTestBytes + 1000));
}

TEST(Corpus, SegmentsHaveTheirKindsCharacter) {
  const auto corpus = compress::generate_corpus(1, kTestBytes);
  for (std::size_t s = 0; s < kTestBytes / kSegmentBytes; ++s) {
    const auto begin = corpus.begin() + static_cast<std::ptrdiff_t>(s * kSegmentBytes);
    const auto end = begin + static_cast<std::ptrdiff_t>(kSegmentBytes);
    std::array<std::size_t, 256> histogram{};
    for (auto it = begin; it != end; ++it) ++histogram[*it];
    const std::size_t distinct = static_cast<std::size_t>(
        std::count_if(histogram.begin(), histogram.end(), [](std::size_t n) { return n > 0; }));
    switch (compress::segment_kind(s)) {
      case SegmentKind::Text:
        EXPECT_TRUE(std::all_of(begin, end,
                                [](unsigned char c) { return c == '\n' || (c >= 32 && c < 127); }))
            << "segment " << s;
        EXPECT_GT(histogram[' '], kSegmentBytes / 12) << "segment " << s;
        break;
      case SegmentKind::Records: EXPECT_GT(histogram[0], kSegmentBytes / 5) << s; break;
      case SegmentKind::Noise: {
        EXPECT_EQ(distinct, 256u) << "segment " << s;
        const auto [lo, hi] = std::minmax_element(histogram.begin(), histogram.end());
        EXPECT_LT(*hi - *lo, kSegmentBytes / 256) << "segment " << s;
        break;
      }
    }
  }
}

TEST(ChunkCodec, RoundTripAndDamageDetected) {
  const auto corpus = compress::generate_corpus(3, kSegmentBytes * 4);
  compress::Deflater deflater(6);
  std::vector<unsigned char> packed(deflater.bound(corpus.size()));
  packed.resize(deflater.compress(corpus.data(), corpus.size(), packed.data(), packed.size()));
  compress::Inflater inflater;
  std::vector<unsigned char> restored(corpus.size());
  EXPECT_EQ(inflater.decompress(packed.data(), packed.size(), restored.data(), restored.size()),
            corpus.size());
  EXPECT_EQ(restored, corpus);
  EXPECT_THROW(
      inflater.decompress(packed.data(), packed.size() / 2, restored.data(), restored.size()),
      std::runtime_error);
  // The CRC-32 check value of "123456789".
  const unsigned char check[] = "123456789";
  EXPECT_EQ(compress::crc32_of(check, 9), 0xCBF43926u);
}

TEST(CompressWorkload, EveryModeAndLevelVerifiesWithTheExpectedRatio) {
  for (const std::string mode : {"compress", "decompress"}) {
    for (const std::string level : {"1", "6", "9"}) {
      CompressWorkload workload;
      setup_and_run(workload, options(mode, level));
      const RunOutput out = workload.run();
      EXPECT_DOUBLE_EQ(out.work, kTestBytes / 1e6);
      const Verdict verdict = workload.verify();
      EXPECT_TRUE(verdict.ok) << mode << " " << level << ": " << verdict.detail;
      EXPECT_EQ(verdict.facts.at("chunks"), kTestBytes / (128 << 10));
    }
  }
}

TEST(CompressWorkload, HigherLevelCompressesSmaller) {
  double ratio[2] = {};
  for (int i = 0; i < 2; ++i) {
    CompressWorkload workload;
    setup_and_run(workload, options("compress", i == 0 ? "1" : "9"));
    ratio[i] = workload.verify().facts.at("ratio");
  }
  EXPECT_GT(ratio[1], ratio[0] * 1.03);
}

TEST(CompressWorkload, DamagedCompressedByteIsCaught) {
  CompressWorkload workload;
  setup_and_run(workload, options("compress", "6"));
  workload.packed()[100] ^= 0x40;
  const Verdict verdict = workload.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_NE(verdict.detail.find("first chunk 0"), std::string::npos) << verdict.detail;
}

TEST(CompressWorkload, WrongCrcIsCaught) {
  CompressWorkload workload;
  setup_and_run(workload, options("compress", "1"));
  workload.crcs()[3] ^= 1;
  EXPECT_FALSE(workload.verify().ok);
}

TEST(CompressWorkload, DamagedDecompressedByteIsCaught) {
  CompressWorkload workload;
  setup_and_run(workload, options("decompress", "6"));
  workload.unpacked()[kTestBytes - 1] ^= 1;
  const Verdict verdict = workload.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.facts.at("bad_chunks"), 1);
}

TEST(CompressWorkload, RunThatDoesNothingFails) {
  CompressWorkload workload;
  setup_and_run(workload, options("decompress", "1"));
  workload.prepare();  // clears the output; no run after it
  EXPECT_FALSE(workload.verify().ok);
}

TEST(CompressOptions, BadValuesAreOptionErrors) {
  EXPECT_THROW(options("compress", "42"), OptionError);
  EXPECT_THROW(options("squeeze", "6"), OptionError);
  EXPECT_THROW(options("compress", "6", "1KiB"), OptionError);
  CompressWorkload workload;
  EXPECT_THROW(workload.setup(options("compress", "6"), {1, 0, 1 << 20}), OptionError);
}

}  // namespace
}  // namespace corebench
