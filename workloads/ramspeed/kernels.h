// STREAM's four kernels on one thread's block [begin, end). Plain loops the
// compiler vectorises (checked in the disassembly: AVX-512 / SVE or NEON),
// and memcpy for copy, as GCC compiles STREAM.
#pragma once

#include <cstddef>
#include <cstring>

namespace corebench::ramspeed {

enum class Op { Copy, Scale, Add, Triad };

// The arrays a kernel reads and the one it writes. STREAM's assignment:
// copy c = a, scale b = s c, add c = a + b, triad a = b + s c.
template <class T>
struct Arrays {
  T* a = nullptr;
  T* b = nullptr;
  T* c = nullptr;
};

// GCC turns STREAM's copy loop into a memcpy call (its arrays are distinct
// globals, so the compiler knows they do not overlap); calling memcpy here
// measures the same thing. glibc's memcpy copies large blocks faster than
// a plain vector loop.
template <class T>
void copy(const T* src, T* dst, std::size_t begin, std::size_t end) {
  std::memcpy(dst + begin, src + begin, (end - begin) * sizeof(T));
}

template <class T>
void scale(const T* src, T* dst, T s, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) dst[i] = s * src[i];
}

template <class T>
void add(const T* x, const T* y, T* dst, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) dst[i] = x[i] + y[i];
}

template <class T>
void triad(const T* x, const T* y, T* dst, T s, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) dst[i] = x[i] + s * y[i];
}

template <class T>
void run_kernel(Op op, const Arrays<T>& v, T s, std::size_t begin, std::size_t end) {
  switch (op) {
    case Op::Copy: return copy(v.a, v.c, begin, end);
    case Op::Scale: return scale(v.c, v.b, s, begin, end);
    case Op::Add: return add(v.a, v.b, v.c, begin, end);
    case Op::Triad: return triad(v.b, v.c, v.a, s, begin, end);
  }
}

// The array each kernel writes.
template <class T>
T* destination(Op op, const Arrays<T>& v) {
  switch (op) {
    case Op::Copy: return v.c;
    case Op::Scale: return v.b;
    case Op::Add: return v.c;
    case Op::Triad: return v.a;
  }
  return nullptr;
}

// Arrays a kernel touches, as STREAM and RAMspeed count bytes.
inline int arrays_moved(Op op) {
  return op == Op::Copy || op == Op::Scale ? 2 : 3;
}

}  // namespace corebench::ramspeed
