// An uninitialised, cache-line-aligned array.
//
// std::vector value-initialises its elements on the allocating thread, which
// places every page on that thread's memory node before the workload's own
// threads touch it. Workloads that care where their pages live allocate with
// this and first-touch the elements in their parallel region.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>

namespace corebench {

template <class T>
class AlignedBuffer {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  static constexpr std::size_t kAlignment = 64;

  AlignedBuffer() = default;
  explicit AlignedBuffer(std::size_t count) : size_(count) {
    const std::size_t bytes = (count * sizeof(T) + kAlignment - 1) / kAlignment * kAlignment;
    data_.reset(static_cast<T*>(std::aligned_alloc(kAlignment, bytes ? bytes : kAlignment)));
    if (!data_) throw std::bad_alloc();
  }

  T* data() { return data_.get(); }
  const T* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };
  std::unique_ptr<T[], Free> data_;
  std::size_t size_ = 0;
};

// The contiguous share [begin, end) of `count` elements that thread `index`
// of `threads` owns; boundaries fall on multiples of `granule` elements so
// that two threads never write the same cache line.
struct Block {
  std::size_t begin;
  std::size_t end;
};

inline Block block_of(std::size_t count, int index, int threads, std::size_t granule) {
  const std::size_t granules = (count + granule - 1) / granule;
  const auto edge = [&](int i) {
    const std::size_t g =
        granules * static_cast<std::size_t>(i) / static_cast<std::size_t>(threads);
    return g * granule < count ? g * granule : count;
  };
  return {edge(index), edge(index + 1)};
}

}  // namespace corebench
