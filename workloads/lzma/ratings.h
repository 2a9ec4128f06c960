// 7-Zip's benchmark ratings (CPP/7zip/UI/Common/Bench.cpp, CBenchProps with
// SetLzmaCompexity): "MIPS" are not instructions but a work count 7-Zip
// defines from the data, the dictionary and the compressed size, divided by
// the elapsed time. These give the counts; the runner divides by the time.
#pragma once

#include <cstdint>

namespace corebench::lzma {

// 7-Zip rates dictionaries below 2^18 as 2^18 (kBenchMinDicLogSize).
constexpr unsigned kMinRatedDictLog = 18;

// Commands per byte compressed with dictionary `dict_bytes`:
// 870 + 5 t^2 / 2^16, t being log2(dict / 2^18) in 1/256ths (7-Zip's
// GetLogSize_Sub, a piecewise-linear log2): 950 at 2^22 to 1115 at 2^25.
std::uint32_t compress_complexity(std::uint64_t dict_bytes);

// Commands of compressing `unpacked_bytes` with `dict_bytes`.
double compress_commands(std::uint64_t unpacked_bytes, std::uint64_t dict_bytes);

// Commands of decompressing `packed_bytes` to `unpacked_bytes`:
// 190 per compressed byte plus 4 per output byte.
double decompress_commands(std::uint64_t packed_bytes, std::uint64_t unpacked_bytes);

}  // namespace corebench::lzma
