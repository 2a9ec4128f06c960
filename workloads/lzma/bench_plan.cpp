#include "workloads/lzma/bench_plan.h"

#include <algorithm>

#include "workloads/lzma/ratings.h"

namespace corebench::lzma {
namespace {

// Bench.cpp's GetNumIterations: at least one pass, at least 16 commands.
std::int64_t passes_for(double commands) {
  return std::max<std::int64_t>(
      1, static_cast<std::int64_t>(kPassCommands / std::max(16.0, commands)));
}

}  // namespace

std::size_t bench_size(std::uint32_t dict_bytes) {
  return std::size_t{dict_bytes} + (64 << 10);
}

std::int64_t auto_compress_passes(std::size_t unpacked_bytes) {
  return passes_for(static_cast<double>(std::max<std::size_t>(unpacked_bytes, 100)) * 1200.0);
}

std::int64_t auto_decompress_passes(std::size_t packed_bytes, std::size_t unpacked_bytes) {
  return passes_for(decompress_commands(packed_bytes, unpacked_bytes));
}

}  // namespace corebench::lzma
