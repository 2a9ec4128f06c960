// The pseudo-random stream of glibc's rand() (its default TYPE_3 additive
// feedback generator), reproduced here so that the material regions are the
// ones LULESH draws with srand(0) on Linux, whatever C library this build
// uses.
#pragma once

#include <array>
#include <cstdint>

namespace corebench::lulesh {

class GlibcRandom {
 public:
  explicit GlibcRandom(std::uint32_t seed) {
    // glibc treats seed 0 as 1.
    std::int64_t word = seed == 0 ? 1 : seed;
    state_[0] = static_cast<std::uint32_t>(word);
    for (int i = 1; i < kDegree; ++i) {
      // 16807 * word mod (2^31 - 1), kept in signed 32-bit range as glibc does.
      word = (16807 * word) % 2147483647;
      state_[i] = static_cast<std::uint32_t>(word);
    }
    front_ = kSeparation;
    rear_ = 0;
    // glibc discards the first 10 * degree outputs.
    for (int i = 0; i < 10 * kDegree; ++i) next();
  }

  // The next value of rand(): 0 .. 2^31 - 1.
  int next() {
    state_[front_] += state_[rear_];
    const auto result = static_cast<int>(state_[front_] >> 1);
    front_ = (front_ + 1) % kDegree;
    rear_ = (rear_ + 1) % kDegree;
    return result;
  }

 private:
  static constexpr int kDegree = 31;
  static constexpr int kSeparation = 3;
  std::array<std::uint32_t, kDegree> state_{};
  int front_ = 0;
  int rear_ = 0;
};

}  // namespace corebench::lulesh
