#include "workloads/compress/corpus.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <string_view>

namespace corebench::compress {
namespace {

constexpr std::size_t kVocabularyWords = 4096;
constexpr std::size_t kLineWidth = 72;
constexpr std::size_t kRecordBytes = 32;
constexpr int kSensors = 24;

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
  // Uniform in [0, 1) from the top 53 bits: exact and the same everywhere.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

std::uint64_t segment_seed(std::uint64_t seed, std::size_t segment) {
  Rng rng(seed ^ (0xd1b54a32d192ed03ULL * (segment + 1)));
  return rng.next();
}

std::vector<std::string> make_vocabulary(std::uint64_t seed) {
  static constexpr std::string_view kOnsets[] = {"b",  "c",  "d",  "f",  "g",  "h",  "k",  "l",
                                                 "m",  "n",  "p",  "r",  "s",  "t",  "v",  "w",
                                                 "st", "tr", "pl", "ch", "sh", "th", "br", ""};
  static constexpr std::string_view kVowels[] = {"a", "e", "i", "o", "u", "ea", "ou", "io"};
  static constexpr std::string_view kCodas[] = {"", "", "", "n", "r", "s", "t", "nd", "ng", "l"};
  Rng rng(seed ^ 0x6a09e667f3bcc909ULL);
  std::vector<std::string> words;
  words.reserve(kVocabularyWords);
  for (std::size_t i = 0; i < kVocabularyWords; ++i) {
    // Frequent words are short, as in natural language.
    const std::uint32_t syllables = 1 + rng.below(i < 64 ? 1 : i < 512 ? 2 : 4);
    std::string word;
    for (std::uint32_t s = 0; s < syllables; ++s) {
      word += kOnsets[rng.below(std::size(kOnsets))];
      word += kVowels[rng.below(std::size(kVowels))];
      word += kCodas[rng.below(std::size(kCodas))];
    }
    words.push_back(std::move(word));
  }
  return words;
}

// Fills `out` completely; the last word is cut where the segment ends.
class TextWriter {
 public:
  TextWriter(const std::vector<std::string>& vocabulary, std::uint64_t seed, unsigned char* out,
             std::size_t size)
      : vocabulary_(vocabulary), rng_(seed), out_(out), size_(size) {}

  void fill() {
    while (pos_ < size_) paragraph();
  }

 private:
  void paragraph() {
    const std::uint32_t sentences = 3 + rng_.below(6);
    for (std::uint32_t s = 0; s < sentences && pos_ < size_; ++s) sentence();
    put("\n\n");
    column_ = 0;
  }

  void sentence() {
    const std::uint32_t words = 4 + rng_.below(15);
    for (std::uint32_t w = 0; w < words; ++w) {
      std::string word = next_word();
      if (w == 0 && word[0] >= 'a' && word[0] <= 'z')
        word[0] = static_cast<char>(word[0] - 'a' + 'A');
      if (w + 1 == words)
        word += rng_.below(10) == 0 ? '?' : '.';
      else if (rng_.below(10) == 0)
        word += ',';
      place(word);
    }
  }

  std::string next_word() {
    if (rng_.below(20) == 0) return std::to_string(rng_.below(10000));
    // A cubic skew: a few words make up most of the text.
    const double u = rng_.unit();
    return vocabulary_[static_cast<std::size_t>(u * u * u * kVocabularyWords)];
  }

  void place(const std::string& word) {
    if (column_ > 0 && column_ + 1 + word.size() > kLineWidth) {
      put("\n");
      column_ = 0;
    } else if (column_ > 0) {
      put(" ");
      ++column_;
    }
    put(word);
    column_ += word.size();
  }

  void put(std::string_view text) {
    const std::size_t n = std::min(text.size(), size_ - pos_);
    std::memcpy(out_ + pos_, text.data(), n);
    pos_ += n;
  }

  const std::vector<std::string>& vocabulary_;
  Rng rng_;
  unsigned char* out_;
  std::size_t size_;
  std::size_t pos_ = 0;
  std::size_t column_ = 0;
};

void put_le(unsigned char*& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) *out++ = static_cast<unsigned char>(value >> (8 * i));
}

// Sensor readings: integer random walks in hundredths, so the float that
// is stored comes from one correctly rounded division on every machine.
void fill_records(std::uint64_t seed, std::size_t segment, unsigned char* out, std::size_t size) {
  static constexpr const char* kCodes[] = {"OK",     "OK",     "OK",    "WARN",
                                           "E-TEMP", "E-VOLT", "RETRY", "IDLE"};
  Rng rng(seed);
  std::array<std::int32_t, kSensors> centi{};
  std::array<std::uint32_t, kSensors> counts{};
  for (int s = 0; s < kSensors; ++s) centi[s] = static_cast<std::int32_t>(rng.below(5000));
  auto id = static_cast<std::uint32_t>(segment * (kSegmentBytes / kRecordBytes));
  std::uint32_t timestamp = 1'600'000'000u + static_cast<std::uint32_t>(segment) * 3600;
  std::array<unsigned char, kRecordBytes> record{};
  for (std::size_t pos = 0; pos < size; pos += kRecordBytes) {
    const std::uint32_t sensor = rng.below(kSensors);
    const std::int32_t step = static_cast<std::int32_t>(rng.below(41)) - 20;
    centi[sensor] += step;
    ++counts[sensor];
    timestamp += 1 + rng.below(5000);
    const float value = static_cast<float>(centi[sensor]) / 100.0f;
    const char* code = kCodes[rng.below(std::size(kCodes))];

    unsigned char* p = record.data();
    put_le(p, id++, 4);
    put_le(p, timestamp, 4);
    put_le(p, sensor, 2);
    put_le(p, rng.below(16) == 0 ? 1u : 0u, 2);
    put_le(p, std::bit_cast<std::uint32_t>(value), 4);
    put_le(p, static_cast<std::uint32_t>(step), 4);
    put_le(p, counts[sensor], 4);
    std::memset(p, 0, 8);
    std::memcpy(p, code, std::strlen(code));
    std::memcpy(out + pos, record.data(), std::min(kRecordBytes, size - pos));
  }
}

void fill_noise(std::uint64_t seed, unsigned char* out, std::size_t size) {
  Rng rng(seed);
  for (std::size_t pos = 0; pos < size; pos += 8) {
    const std::uint64_t word = rng.next();
    for (std::size_t i = 0; i < 8 && pos + i < size; ++i)
      out[pos + i] = static_cast<unsigned char>(word >> (8 * i));
  }
}

}  // namespace

SegmentKind segment_kind(std::size_t segment_index) {
  static constexpr std::array<SegmentKind, 10> kRotation = {
      SegmentKind::Text, SegmentKind::Records, SegmentKind::Text, SegmentKind::Noise,
      SegmentKind::Text, SegmentKind::Records, SegmentKind::Text, SegmentKind::Records,
      SegmentKind::Text, SegmentKind::Noise};
  return kRotation[segment_index % kRotation.size()];
}

std::vector<unsigned char> generate_corpus(std::uint64_t seed, std::size_t bytes) {
  const std::vector<std::string> vocabulary = make_vocabulary(seed);
  std::vector<unsigned char> corpus(bytes);
  const std::size_t segments = (bytes + kSegmentBytes - 1) / kSegmentBytes;
#pragma omp parallel for schedule(dynamic)
  for (std::size_t segment = 0; segment < segments; ++segment) {
    unsigned char* out = corpus.data() + segment * kSegmentBytes;
    const std::size_t size = std::min(kSegmentBytes, bytes - segment * kSegmentBytes);
    const std::uint64_t s = segment_seed(seed, segment);
    switch (segment_kind(segment)) {
      case SegmentKind::Text: TextWriter(vocabulary, s, out, size).fill(); break;
      case SegmentKind::Records: fill_records(s, segment, out, size); break;
      case SegmentKind::Noise: fill_noise(s, out, size); break;
    }
  }
  return corpus;
}

}  // namespace corebench::compress
