// One RAMspeed test for one element type: arrays, first touch, the timed
// passes and the element-by-element check.
#pragma once

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <type_traits>

#include "workloads/common/aligned_buffer.h"
#include "workloads/ramspeed/kernels.h"
#include "workloads/workload.h"

namespace corebench::ramspeed {

constexpr std::uint64_t kMinDefaultSize = 512ull << 20;
// Fewer elements per array than this and a pass is over before the clock
// reads around it are negligible, or the arrays fit in L1 with room to spare.
constexpr std::size_t kMinElements = 1024;
// The smallest `size` option: kMinElements in each of the three arrays that
// add and triad stream (the widest element type is 8 bytes), so that every
// op and type gets at least kMinElements; the option's range starts here.
constexpr std::uint64_t kMinSize = 3 * kMinElements * 8;
// The arrays may take no more than this share of the memory.
constexpr double kMaxMemoryShare = 0.8;
// A run repeats the kernel until it has moved about this much, so that one
// run lasts long enough to time well even for cache-sized arrays.
constexpr double kBytesPerRun = 4.0 * (1ull << 30);
// Passes are timed in rounds that move at least this much (a millisecond or
// more at any memory speed), so that the barriers and clock reads around a
// round cost nothing measurable even for cache-sized arrays. A run reports
// its fastest round, as STREAM reports its fastest pass.
constexpr double kMinBytesPerRound = 64.0 * (1ull << 20);
// At least as many rounds per run as STREAM has passes (NTIMES), so that
// the fastest is as likely to be a clean one.
constexpr std::int64_t kAutoRounds = 20;
// 64-byte lines: blocks never share a cache line between threads.
constexpr std::size_t kGranuleBytes = 64;

inline Op parse_op(const std::string& name) {
  if (name == "copy") return Op::Copy;
  if (name == "scale") return Op::Scale;
  if (name == "add") return Op::Add;
  return Op::Triad;
}

// Index-dependent start values, so a thread that skips or shifts its block
// leaves elements that verify() catches. Small dyadic numbers: every kernel
// result is exact in double as well as in int64.
template <class T>
struct StartValues {
  static T a(std::size_t i) {
    return std::is_floating_point_v<T> ? T(1.0 + (i % 1000) * 0.25) : T(i % 1000 + 1);
  }
  static T b(std::size_t i) {
    return std::is_floating_point_v<T> ? T(2.0 + (i % 997) * 0.5) : T(2 * (i % 997) + 3);
  }
  static T c(std::size_t i) {
    return std::is_floating_point_v<T> ? T(0.5 + (i % 991) * 0.125) : T(i % 991 + 5);
  }
  // What the destination of `op` must hold, computed from the formulas
  // above rather than from the arrays the kernel read.
  static T expected(Op op, T s, std::size_t i) {
    switch (op) {
      case Op::Copy: return a(i);
      case Op::Scale: return s * c(i);
      case Op::Add: return a(i) + b(i);
      case Op::Triad: return b(i) + s * c(i);
    }
    return T(0);
  }
};

template <class T>
class RamspeedKernel final : public Workload {
 public:
  explicit RamspeedKernel(Op op) : op_(op) {}

  // The array the kernel writes; tests corrupt it to see verify() object.
  T* output() { return destination(op_, arrays()); }

  void setup(const OptionValues& options, const RunConfig& config) override {
    std::uint64_t size = options.is_auto("size")
                             ? std::max(kMinDefaultSize, 8 * config.last_level_cache_bytes)
                             : options.bytes("size");
    // The range cannot know the machine; arrays that do not fit would fail
    // to allocate or be killed while first touched.
    if (config.memory_bytes && static_cast<double>(size) > kMaxMemoryShare * config.memory_bytes)
      throw OptionError(fmt::format(
          "option 'size': {} of arrays is more than {:.0f}% of this machine's {:.1f} GiB",
          format_bytes(size), 100 * kMaxMemoryShare,
          static_cast<double>(config.memory_bytes) / (1ull << 30)));
    count_ = size / (arrays_moved(op_) * sizeof(T));
    passes_ = options.is_auto("passes") ? std::max(kAutoRounds * passes_moving(kMinBytesPerRound),
                                                   passes_moving(kBytesPerRun))
                                        : options.integer("passes");
    // Whole rounds only.
    const std::int64_t per_round = passes_per_round();
    passes_ = (passes_ + per_round - 1) / per_round * per_round;
    allocate();
    first_touch();
  }

  void prepare() override { poison(); }

  RunOutput run() override {
    const Arrays<T> v = arrays();
    const std::int64_t per_round = passes_per_round();
    const std::int64_t rounds = passes_ / per_round;
    double fastest = std::numeric_limits<double>::infinity();
    std::chrono::steady_clock::time_point start;
#pragma omp parallel
    {
      const Block blk = my_block();
      for (std::int64_t r = 0; r < rounds; ++r) {
#pragma omp barrier
        if (omp_get_thread_num() == 0) start = std::chrono::steady_clock::now();
        for (std::int64_t p = 0; p < per_round; ++p) {
          run_kernel(op_, v, kScalar, blk.begin, blk.end);
          // Repeated passes write the same values; keep the compiler from
          // folding them into one.
          std::atomic_signal_fence(std::memory_order_seq_cst);
        }
#pragma omp barrier
        if (omp_get_thread_num() == 0) {
          const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
          fastest = std::min(fastest, took.count());
        }
      }
    }
    const double bytes =
        static_cast<double>(bytes_per_pass_count()) * static_cast<double>(per_round);
    return {bytes / 1e6, fastest};
  }

  Verdict verify() override {
    const T* dst = destination(op_, arrays());
    std::size_t wrong = 0;
    std::size_t first_wrong = count_;
#pragma omp parallel for reduction(+ : wrong) reduction(min : first_wrong)
    for (std::size_t i = 0; i < count_; ++i) {
      if (!matches(dst[i], StartValues<T>::expected(op_, kScalar, i))) {
        ++wrong;
        first_wrong = std::min(first_wrong, i);
      }
    }
    Verdict verdict;
    verdict.ok = wrong == 0;
    verdict.facts = {{"elements", static_cast<double>(count_)},
                     {"passes", static_cast<double>(passes_)},
                     {"wrong_elements", static_cast<double>(wrong)}};
    verdict.detail = verdict.ok ? fmt::format("all {} elements hold the closed-form value", count_)
                                : fmt::format("{} of {} elements wrong, first at index {}", wrong,
                                              count_, first_wrong);
    return verdict;
  }

 private:
  static constexpr T kScalar = T(3);

  static bool matches(T got, T want) {
    if constexpr (std::is_floating_point_v<T>)
      return std::abs(got - want) <= 4 * std::numeric_limits<T>::epsilon() * std::abs(want);
    else
      return got == want;
  }

  // Passes that move at least `bytes`.
  std::int64_t passes_moving(double bytes) const {
    const double passes = std::ceil(bytes / static_cast<double>(bytes_per_pass_count()));
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(passes));
  }

  std::int64_t passes_per_round() const {
    return std::min(passes_moving(kMinBytesPerRound), passes_);
  }

  std::uint64_t bytes_per_pass_count() const {
    return static_cast<std::uint64_t>(arrays_moved(op_)) * count_ * sizeof(T);
  }

  Block my_block() const {
    return block_of(count_, omp_get_thread_num(), omp_get_num_threads(), kGranuleBytes / sizeof(T));
  }

  bool uses(char array) const {
    switch (op_) {
      case Op::Copy: return array != 'b';
      case Op::Scale: return array != 'a';
      default: return true;
    }
  }

  void allocate() {
    if (uses('a')) a_ = AlignedBuffer<T>(count_);
    if (uses('b')) b_ = AlignedBuffer<T>(count_);
    if (uses('c')) c_ = AlignedBuffer<T>(count_);
  }

  Arrays<T> arrays() {
    return {a_.data(), b_.data(), c_.data()};
  }

  // Each thread writes its own block first, so its pages are placed on its
  // memory node; run() gives every thread the same block.
  void first_touch() {
    const Arrays<T> v = arrays();
#pragma omp parallel
    {
      const Block blk = my_block();
      for (std::size_t i = blk.begin; i < blk.end; ++i) {
        if (v.a) v.a[i] = StartValues<T>::a(i);
        if (v.b) v.b[i] = StartValues<T>::b(i);
        if (v.c) v.c[i] = StartValues<T>::c(i);
      }
    }
  }

  // A value no kernel produces, so verify() sees whether this run wrote
  // every element.
  void poison() {
    T* dst = destination(op_, arrays());
#pragma omp parallel
    {
      const Block blk = my_block();
      std::fill(dst + blk.begin, dst + blk.end, T(-7));
    }
  }

  Op op_;
  std::size_t count_ = 0;
  std::int64_t passes_ = 1;
  AlignedBuffer<T> a_, b_, c_;
};

}  // namespace corebench::ramspeed
