// The data 7-Zip's LZMA benchmark (`7z b`) compresses, as 7-Zip 22-26
// define it (CPP/7zip/UI/Common/Bench.cpp: CBaseRandomGenerator and
// CBenchRandomGenerator::GenerateLz): literals and copies of earlier bytes
// with random lengths and distances, drawn from a pair of 16-bit
// multiply-with-carry generators. 7-Zip gives each encoder instance its own
// salt, so that no two instances share data; instance 0's salt is 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace corebench::lzma {

// 7-Zip's salt of encoder instance `index`: CRC-32 table entries of its low
// and high bytes, the second shifted left by 3.
std::uint32_t instance_salt(std::uint32_t index);

// `size` bytes of 7-Zip's benchmark data for `salt`. The benchmark draws
// distances of up to 2^32 (its "old LZMA dictionary bits"), limited by the
// position, whatever dictionary it then compresses with.
std::vector<unsigned char> generate_bench_data(std::size_t size, std::uint32_t salt);

}  // namespace corebench::lzma
