// The 128-bit vector layer the striped filters are written on: 16 x uint8
// (MSV), 8 x int16 (Viterbi), 4 x float (Forward). Native is SSE2 on
// x86-64 and NEON on aarch64, as HMMER 3.4's filters are on both; Scalar
// is the same operations lane by lane, for other targets and for tests to
// hold the native layer to. Never wider: an AVX-512 machine must do the
// work a 128-bit machine does (docs/workloads/hmmer.md).
//
// Lane i of a vector holds model position i * Q + q of stripe q; "shift"
// moves every lane up one (lane i to i + 1) and fills lane 0, which is
// how a stripe's last vector feeds the next row's first.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#endif

namespace corebench::hmmer {

struct ScalarVectors {
  static constexpr const char* kName = "scalar";
  struct U8 {
    std::array<std::uint8_t, 16> lane;
  };
  struct I16 {
    std::array<std::int16_t, 8> lane;
  };
  struct F32 {
    std::array<float, 4> lane;
  };

  template <typename V, typename T, typename Op>
  static V each(const V& a, const V& b, Op op) {
    V r;
    for (std::size_t i = 0; i < a.lane.size(); ++i)
      r.lane[i] = static_cast<T>(op(a.lane[i], b.lane[i]));
    return r;
  }
  template <typename V, typename T>
  static V shifted(const V& a, T fill) {
    V r;
    r.lane[0] = fill;
    for (std::size_t i = 1; i < a.lane.size(); ++i) r.lane[i] = a.lane[i - 1];
    return r;
  }
  template <typename V, typename T>
  static V filled(T value) {
    V r;
    r.lane.fill(value);
    return r;
  }
  template <typename V, typename T>
  static V loaded(const T* p) {
    V r;
    std::copy(p, p + r.lane.size(), r.lane.begin());
    return r;
  }

  template <typename V, typename T>
  static void stored(T* p, const V& a) {
    std::copy(a.lane.begin(), a.lane.end(), p);
  }

  static U8 splat_u8(std::uint8_t v) { return filled<U8>(v); }
  static void store_u8(std::uint8_t* p, U8 a) { stored(p, a); }
  static U8 load_u8(const std::uint8_t* p) { return loaded<U8>(p); }
  static U8 adds_u8(U8 a, U8 b) {
    return each<U8, std::uint8_t>(a, b, [](int x, int y) { return std::min(255, x + y); });
  }
  static U8 subs_u8(U8 a, U8 b) {
    return each<U8, std::uint8_t>(a, b, [](int x, int y) { return std::max(0, x - y); });
  }
  static U8 max_u8(U8 a, U8 b) {
    return each<U8, std::uint8_t>(a, b, [](int x, int y) { return std::max(x, y); });
  }
  static std::uint8_t hmax_u8(U8 a) { return *std::max_element(a.lane.begin(), a.lane.end()); }
  static U8 shift_u8(U8 a) { return shifted(a, std::uint8_t{0}); }

  static I16 splat_i16(std::int16_t v) { return filled<I16>(v); }
  static void store_i16(std::int16_t* p, I16 a) { stored(p, a); }
  static I16 load_i16(const std::int16_t* p) { return loaded<I16>(p); }
  static I16 adds_i16(I16 a, I16 b) {
    return each<I16, std::int16_t>(a, b,
                                   [](int x, int y) { return std::clamp(x + y, -32768, 32767); });
  }
  static I16 max_i16(I16 a, I16 b) {
    return each<I16, std::int16_t>(a, b, [](int x, int y) { return std::max(x, y); });
  }
  static std::int16_t hmax_i16(I16 a) { return *std::max_element(a.lane.begin(), a.lane.end()); }
  static I16 shift_i16(I16 a) { return shifted(a, std::numeric_limits<std::int16_t>::min()); }
  static bool any_greater_i16(I16 a, I16 b) {
    for (std::size_t i = 0; i < a.lane.size(); ++i)
      if (a.lane[i] > b.lane[i]) return true;
    return false;
  }

  static F32 splat_f32(float v) { return filled<F32>(v); }
  static void store_f32(float* p, F32 a) { stored(p, a); }
  static F32 load_f32(const float* p) { return loaded<F32>(p); }
  static F32 add_f32(F32 a, F32 b) {
    return each<F32, float>(a, b, [](float x, float y) { return x + y; });
  }
  static F32 mul_f32(F32 a, F32 b) {
    return each<F32, float>(a, b, [](float x, float y) { return x * y; });
  }
  static float hsum_f32(F32 a) { return (a.lane[0] + a.lane[2]) + (a.lane[1] + a.lane[3]); }
  static F32 shift_f32(F32 a) { return shifted(a, 0.0f); }
  static bool any_greater_f32(F32 a, F32 b) {
    for (std::size_t i = 0; i < a.lane.size(); ++i)
      if (a.lane[i] > b.lane[i]) return true;
    return false;
  }
};

#if defined(__SSE2__)
struct NativeVectors {
  static constexpr const char* kName = "sse2";
  using U8 = __m128i;
  using I16 = __m128i;
  using F32 = __m128;

  static U8 splat_u8(std::uint8_t v) { return _mm_set1_epi8(static_cast<char>(v)); }
  static void store_u8(std::uint8_t* p, U8 a) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p), a);
  }
  static U8 load_u8(const std::uint8_t* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  }
  static U8 adds_u8(U8 a, U8 b) { return _mm_adds_epu8(a, b); }
  static U8 subs_u8(U8 a, U8 b) { return _mm_subs_epu8(a, b); }
  static U8 max_u8(U8 a, U8 b) { return _mm_max_epu8(a, b); }
  static std::uint8_t hmax_u8(U8 a) {
    a = _mm_max_epu8(a, _mm_srli_si128(a, 8));
    a = _mm_max_epu8(a, _mm_srli_si128(a, 4));
    a = _mm_max_epu8(a, _mm_srli_si128(a, 2));
    a = _mm_max_epu8(a, _mm_srli_si128(a, 1));
    return static_cast<std::uint8_t>(_mm_cvtsi128_si32(a) & 0xff);
  }
  static U8 shift_u8(U8 a) { return _mm_slli_si128(a, 1); }

  static I16 splat_i16(std::int16_t v) { return _mm_set1_epi16(v); }
  static void store_i16(std::int16_t* p, I16 a) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p), a);
  }
  static I16 load_i16(const std::int16_t* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  }
  static I16 adds_i16(I16 a, I16 b) { return _mm_adds_epi16(a, b); }
  static I16 max_i16(I16 a, I16 b) { return _mm_max_epi16(a, b); }
  static std::int16_t hmax_i16(I16 a) {
    a = _mm_max_epi16(a, _mm_srli_si128(a, 8));
    a = _mm_max_epi16(a, _mm_srli_si128(a, 4));
    a = _mm_max_epi16(a, _mm_srli_si128(a, 2));
    return static_cast<std::int16_t>(_mm_extract_epi16(a, 0));
  }
  static I16 shift_i16(I16 a) {
    return _mm_or_si128(_mm_slli_si128(a, 2), _mm_set_epi16(0, 0, 0, 0, 0, 0, 0, -32768));
  }
  static bool any_greater_i16(I16 a, I16 b) {
    return _mm_movemask_epi8(_mm_cmpgt_epi16(a, b)) != 0;
  }

  static F32 splat_f32(float v) { return _mm_set1_ps(v); }
  static void store_f32(float* p, F32 a) { _mm_storeu_ps(p, a); }
  static F32 load_f32(const float* p) { return _mm_loadu_ps(p); }
  static F32 add_f32(F32 a, F32 b) { return _mm_add_ps(a, b); }
  static F32 mul_f32(F32 a, F32 b) { return _mm_mul_ps(a, b); }
  static float hsum_f32(F32 a) {
    const __m128 pairs = _mm_add_ps(a, _mm_movehl_ps(a, a));  // (0+2, 1+3)
    return _mm_cvtss_f32(_mm_add_ss(pairs, _mm_shuffle_ps(pairs, pairs, 1)));
  }
  static F32 shift_f32(F32 a) { return _mm_castsi128_ps(_mm_slli_si128(_mm_castps_si128(a), 4)); }
  static bool any_greater_f32(F32 a, F32 b) { return _mm_movemask_ps(_mm_cmpgt_ps(a, b)) != 0; }
};
#elif defined(__ARM_NEON)
struct NativeVectors {
  static constexpr const char* kName = "neon";
  using U8 = uint8x16_t;
  using I16 = int16x8_t;
  using F32 = float32x4_t;

  static U8 splat_u8(std::uint8_t v) { return vdupq_n_u8(v); }
  static void store_u8(std::uint8_t* p, U8 a) { vst1q_u8(p, a); }
  static U8 load_u8(const std::uint8_t* p) { return vld1q_u8(p); }
  static U8 adds_u8(U8 a, U8 b) { return vqaddq_u8(a, b); }
  static U8 subs_u8(U8 a, U8 b) { return vqsubq_u8(a, b); }
  static U8 max_u8(U8 a, U8 b) { return vmaxq_u8(a, b); }
  static std::uint8_t hmax_u8(U8 a) { return vmaxvq_u8(a); }
  static U8 shift_u8(U8 a) { return vextq_u8(vdupq_n_u8(0), a, 15); }

  static I16 splat_i16(std::int16_t v) { return vdupq_n_s16(v); }
  static void store_i16(std::int16_t* p, I16 a) { vst1q_s16(p, a); }
  static I16 load_i16(const std::int16_t* p) { return vld1q_s16(p); }
  static I16 adds_i16(I16 a, I16 b) { return vqaddq_s16(a, b); }
  static I16 max_i16(I16 a, I16 b) { return vmaxq_s16(a, b); }
  static std::int16_t hmax_i16(I16 a) { return vmaxvq_s16(a); }
  static I16 shift_i16(I16 a) { return vextq_s16(vdupq_n_s16(-32768), a, 7); }
  static bool any_greater_i16(I16 a, I16 b) { return vmaxvq_u16(vcgtq_s16(a, b)) != 0; }

  static F32 splat_f32(float v) { return vdupq_n_f32(v); }
  static void store_f32(float* p, F32 a) { vst1q_f32(p, a); }
  static F32 load_f32(const float* p) { return vld1q_f32(p); }
  static F32 add_f32(F32 a, F32 b) { return vaddq_f32(a, b); }
  static F32 mul_f32(F32 a, F32 b) { return vmulq_f32(a, b); }
  static float hsum_f32(F32 a) {
    const float32x2_t pairs = vadd_f32(vget_low_f32(a), vget_high_f32(a));  // (0+2, 1+3)
    return vget_lane_f32(pairs, 0) + vget_lane_f32(pairs, 1);
  }
  static F32 shift_f32(F32 a) { return vextq_f32(vdupq_n_f32(0), a, 3); }
  static bool any_greater_f32(F32 a, F32 b) { return vmaxvq_u32(vcgtq_f32(a, b)) != 0; }
};
#else
using NativeVectors = ScalarVectors;
#endif

}  // namespace corebench::hmmer
