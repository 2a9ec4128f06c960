// The data the compressor works on: generated from a seed, a mix like the
// files on a real disk. It comes in 64 KiB segments, each one of three
// kinds in a fixed rotation (5 text, 3 records, 2 noise in every 10):
//   text     words from a seeded vocabulary, drawn with a skew like natural
//            language, in sentences, lines and paragraphs
//   records  32-byte little-endian binary records (ids, timestamps, sensor
//            readings as a random walk, short codes), like a log or a table
//   noise    uniform random bytes, like already-compressed or encrypted data
// Segments are generated independently, so the corpus is the same for any
// thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace corebench::compress {

constexpr int kCorpusVersion = 1;
constexpr std::size_t kSegmentBytes = 64 * 1024;

enum class SegmentKind { Text, Records, Noise };

SegmentKind segment_kind(std::size_t segment_index);

// `bytes` of corpus; uses the OpenMP threads.
std::vector<unsigned char> generate_corpus(std::uint64_t seed, std::size_t bytes);

}  // namespace corebench::compress
