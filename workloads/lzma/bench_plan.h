// How much 7-Zip's benchmark compresses and how often (Bench.cpp): the data
// is the dictionary plus 64 KiB (kAdditionalSize), and each encoder or
// decoder runs as many passes as fit a fixed number of commands, counted
// at 1200 per byte compressed (EncComplex) and 190 per compressed byte plus
// 4 per output byte decompressed.
#pragma once

#include <cstddef>
#include <cstdint>

namespace corebench::lzma {

std::size_t bench_size(std::uint32_t dict_bytes);

// 7-Zip's budget is 4 s of commands at its measured CPU frequency
// (kComplexInMs); corebench fixes it at that of a 3 GHz core, so that every
// machine does the same work, and the runner repeats the runs.
constexpr double kPassCommands = 4.0 * 3e9;

std::int64_t auto_compress_passes(std::size_t unpacked_bytes);
std::int64_t auto_decompress_passes(std::size_t packed_bytes, std::size_t unpacked_bytes);

}  // namespace corebench::lzma
