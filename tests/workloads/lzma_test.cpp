#include "workloads/lzma/lzma.h"

#include <gtest/gtest.h>

#include "support/thread_count.h"
#include "workloads/lzma/bench_data.h"
#include "workloads/lzma/bench_plan.h"
#include "workloads/lzma/lzma_codec.h"
#include "workloads/lzma/lzma_workload.h"
#include "workloads/lzma/ratings.h"

namespace corebench {
namespace {

using lzma::LzmaWorkload;

constexpr std::size_t kTestBytes = 192 << 10;

OptionValues options(const std::string& mode, const std::string& passes = "2") {
  return OptionValues::resolve(
      make_lzma_entry().info.options,
      {{"mode", mode}, {"dict", "22"}, {"size", std::to_string(kTestBytes)}, {"passes", passes}});
}

void setup_and_run(LzmaWorkload& workload, const OptionValues& values) {
  workload.setup(values, {2, 0, 0});
  workload.prepare();
  workload.run();
}

TEST(LzmaBenchData, SaltsAreCrcTableEntries) {
  EXPECT_EQ(lzma::instance_salt(0), 0u);  // the first encoder's data is unsalted
  EXPECT_EQ(lzma::instance_salt(1), 0x77073096u);
  EXPECT_EQ(lzma::instance_salt(256), 0x77073096u << 3);
}

TEST(LzmaBenchData, DeterministicAndSalted) {
  const auto a = lzma::generate_bench_data(kTestBytes, 0);
  EXPECT_EQ(a, lzma::generate_bench_data(kTestBytes, 0));
  EXPECT_NE(a, lzma::generate_bench_data(kTestBytes, lzma::instance_salt(1)));
  // A prefix of longer data is the shorter data.
  const auto longer = lzma::generate_bench_data(kTestBytes + 999, 0);
  EXPECT_TRUE(std::equal(a.begin(), a.end(), longer.begin()));
}

TEST(LzmaRatings, SevenZipsComplexities) {
  EXPECT_EQ(lzma::compress_complexity(1 << 16), 870u);  // rated as 2^18
  EXPECT_EQ(lzma::compress_complexity(1 << 18), 870u);
  EXPECT_EQ(lzma::compress_complexity(1 << 22), 950u);
  EXPECT_EQ(lzma::compress_complexity(1 << 23), 995u);
  EXPECT_EQ(lzma::compress_complexity(1 << 24), 1050u);
  EXPECT_EQ(lzma::compress_complexity(1 << 25), 1115u);
  EXPECT_DOUBLE_EQ(lzma::compress_commands(1000, 1 << 22), 950000.0);
  EXPECT_DOUBLE_EQ(lzma::decompress_commands(10, 100), 2300.0);
}

TEST(LzmaBenchPlan, SizeAndPassesAsSevenZipPicksThem) {
  EXPECT_EQ(lzma::bench_size(1 << 22), (4u << 20) + (64u << 10));
  EXPECT_EQ(lzma::auto_compress_passes(lzma::bench_size(1 << 22)), 2);  // 1.2e10 / 5.1e9
  EXPECT_EQ(lzma::auto_compress_passes(lzma::bench_size(1 << 25)), 1);
  EXPECT_EQ(lzma::auto_decompress_passes(1'000'000, 4'000'000), 58);  // 1.2e10 / 2.06e8
}

TEST(LzmaCodec, RoundTripAndDamageDetected) {
  const auto data = lzma::generate_bench_data(kTestBytes, 5);
  lzma::Encoder encoder(1 << 22);
  std::vector<unsigned char> packed(lzma::packed_capacity(data.size()));
  packed.resize(encoder.compress(data.data(), data.size(), packed.data(), packed.size()));
  EXPECT_LT(packed.size(), data.size() / 2);
  lzma::Decoder decoder(1 << 22);
  std::vector<unsigned char> out(data.size());
  EXPECT_EQ(decoder.decompress(packed.data(), packed.size(), out.data(), out.size()),
            lzma::crc32_of(data.data(), data.size()));
  EXPECT_EQ(out, data);
  EXPECT_THROW(decoder.decompress(packed.data(), packed.size() / 2, out.data(), out.size()),
               std::runtime_error);
  const unsigned char check[] = "123456789";
  EXPECT_EQ(lzma::crc32_of(check, 9), 0xCBF43926u);
}

TEST(LzmaWorkload, BothModesVerifyAndRateBySevenZipsFormulas) {
  ThreadCount threads(2);
  for (const std::string mode : {"compress", "decompress"}) {
    LzmaWorkload workload;
    workload.setup(options(mode), {2, 0, 0});
    workload.prepare();
    const RunOutput out = workload.run();
    const Verdict verdict = workload.verify();
    EXPECT_TRUE(verdict.ok) << mode << ": " << verdict.detail;
    const auto& streams = workload.streams();
    if (mode == "compress") {
      ASSERT_EQ(streams.size(), 2u);  // one encoder per thread
      EXPECT_DOUBLE_EQ(out.work, 2.0 * 2 * kTestBytes * 950 / 1e6);
    } else {
      ASSERT_EQ(streams.size(), 1u);  // two decoders to a stream
      EXPECT_DOUBLE_EQ(
          out.work, 2.0 * 2 * lzma::decompress_commands(streams[0].packed_size, kTestBytes) / 1e6);
    }
  }
}

TEST(LzmaWorkload, DamagedCompressedByteIsCaught) {
  ThreadCount threads(2);
  LzmaWorkload workload;
  setup_and_run(workload, options("compress"));
  workload.streams()[1].packed[100] ^= 0x40;
  const Verdict verdict = workload.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.facts.at("bad_streams"), 1) << verdict.detail;
}

TEST(LzmaWorkload, PassThatWroteOtherBytesIsCaught) {
  ThreadCount threads(2);
  LzmaWorkload workload;
  setup_and_run(workload, options("compress"));
  workload.pass_crcs()[0] ^= 1;  // the kept bytes are not what the last pass wrote
  EXPECT_FALSE(workload.verify().ok);
}

TEST(LzmaWorkload, DamagedDecompressedByteIsCaught) {
  ThreadCount threads(2);
  LzmaWorkload workload;
  setup_and_run(workload, options("decompress"));
  workload.outputs()[1][kTestBytes - 1] ^= 1;
  const Verdict verdict = workload.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.facts.at("bad_streams"), 1);
}

TEST(LzmaWorkload, RunThatDoesNothingFails) {
  for (const std::string mode : {"compress", "decompress"}) {
    LzmaWorkload workload;
    workload.setup(options(mode), {1, 0, 0});
    workload.prepare();  // no run after it
    EXPECT_FALSE(workload.verify().ok) << mode;
  }
}

TEST(LzmaOptions, BadValuesAreOptionErrors) {
  const auto& specs = make_lzma_entry().info.options;
  EXPECT_THROW(OptionValues::resolve(specs, {{"dict", "21"}}), OptionError);
  EXPECT_THROW(OptionValues::resolve(specs, {{"dict", "26"}}), OptionError);
  EXPECT_THROW(OptionValues::resolve(specs, {{"mode", "squeeze"}}), OptionError);
  EXPECT_THROW(OptionValues::resolve(specs, {{"size", "1KiB"}}), OptionError);
  EXPECT_THROW(OptionValues::resolve(specs, {{"passes", "0"}}), OptionError);
  LzmaWorkload workload;
  EXPECT_THROW(workload.setup(OptionValues::resolve(specs, {}), {1, 0, 64 << 20}), OptionError);
}

}  // namespace
}  // namespace corebench
