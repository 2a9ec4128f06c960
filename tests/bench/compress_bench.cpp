// The compress workload's hot kernels on one cache-friendly chunk of the
// corpus: deflate at each level, and inflate.
#include <benchmark/benchmark.h>

#include "workloads/compress/chunk_codec.h"
#include "workloads/compress/corpus.h"

namespace {

using namespace corebench::compress;

constexpr std::size_t kChunkBytes = 1 << 20;

const std::vector<unsigned char>& chunk() {
  static const std::vector<unsigned char> data = generate_corpus(1, kChunkBytes);
  return data;
}

void BM_Deflate(benchmark::State& state) {
  Deflater deflater(static_cast<int>(state.range(0)));
  std::vector<unsigned char> out(deflater.bound(kChunkBytes));
  std::size_t packed = 0;
  for (auto _ : state) {
    packed = deflater.compress(chunk().data(), kChunkBytes, out.data(), out.size());
    benchmark::DoNotOptimize(packed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kChunkBytes));
  state.counters["ratio"] = static_cast<double>(kChunkBytes) / static_cast<double>(packed);
}
BENCHMARK(BM_Deflate)->Arg(1)->Arg(6)->Arg(9)->Unit(benchmark::kMillisecond);

void BM_Inflate(benchmark::State& state) {
  Deflater deflater(static_cast<int>(state.range(0)));
  std::vector<unsigned char> packed(deflater.bound(kChunkBytes));
  packed.resize(deflater.compress(chunk().data(), kChunkBytes, packed.data(), packed.size()));
  Inflater inflater;
  std::vector<unsigned char> out(kChunkBytes);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        inflater.decompress(packed.data(), packed.size(), out.data(), out.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kChunkBytes));
}
BENCHMARK(BM_Inflate)->Arg(1)->Arg(6)->Arg(9)->Unit(benchmark::kMillisecond);

void BM_Crc32(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(crc32_of(chunk().data(), kChunkBytes));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kChunkBytes));
}
BENCHMARK(BM_Crc32);

}  // namespace
