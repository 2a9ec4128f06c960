#include "runner/machine/isa.h"

#include <sstream>

#include "runner/machine/isa_guard.h"
#include "runner/machine/sysfs.h"

namespace corebench {
namespace isa_guard {

// This file is compiled with the target's flags, so the compiler's
// predefined macros say what it may emit. Constant data only: the startup
// check reads it before anything here may run. The list covers what a
// compiler uses on its own (vectors, bit manipulation, atomics), not
// extensions reached only through intrinsics.
const char* const kBuiltFor[] = {
#if defined(__x86_64__)
#ifdef __SSE3__
    "pni",
#endif
#ifdef __SSSE3__
    "ssse3",
#endif
#ifdef __SSE4_1__
    "sse4_1",
#endif
#ifdef __SSE4_2__
    "sse4_2",
#endif
#ifdef __POPCNT__
    "popcnt",
#endif
#ifdef __MOVBE__
    "movbe",
#endif
#ifdef __AVX__
    "avx",
#endif
#ifdef __F16C__
    "f16c",
#endif
#ifdef __FMA__
    "fma",
#endif
#ifdef __AVX2__
    "avx2",
#endif
#ifdef __BMI__
    "bmi1",
#endif
#ifdef __BMI2__
    "bmi2",
#endif
#ifdef __LZCNT__
    "abm",
#endif
#ifdef __AVX512F__
    "avx512f",
#endif
#ifdef __AVX512DQ__
    "avx512dq",
#endif
#ifdef __AVX512CD__
    "avx512cd",
#endif
#ifdef __AVX512BW__
    "avx512bw",
#endif
#ifdef __AVX512VL__
    "avx512vl",
#endif
#ifdef __AVX512IFMA__
    "avx512ifma",
#endif
#ifdef __AVX512VBMI__
    "avx512vbmi",
#endif
#ifdef __AVX512VBMI2__
    "avx512_vbmi2",
#endif
#ifdef __AVX512VNNI__
    "avx512_vnni",
#endif
#ifdef __AVX512BITALG__
    "avx512_bitalg",
#endif
#ifdef __AVX512VPOPCNTDQ__
    "avx512_vpopcntdq",
#endif
#ifdef __AVX512BF16__
    "avx512_bf16",
#endif
#ifdef __AVX512FP16__
    "avx512_fp16",
#endif
#ifdef __AVX512VP2INTERSECT__
    "avx512_vp2intersect",
#endif
#ifdef __AVXVNNI__
    "avx_vnni",
#endif
#ifdef __GFNI__
    "gfni",
#endif
#ifdef __VAES__
    "vaes",
#endif
#ifdef __VPCLMULQDQ__
    "vpclmulqdq",
#endif
#elif defined(__aarch64__)
#ifdef __ARM_NEON
    "asimd",
#endif
#ifdef __ARM_FEATURE_CRC32
    "crc32",
#endif
#ifdef __ARM_FEATURE_ATOMICS
    "atomics",
#endif
#ifdef __ARM_FEATURE_FP16_SCALAR_ARITHMETIC
    "fphp",
#endif
#ifdef __ARM_FEATURE_FP16_VECTOR_ARITHMETIC
    "asimdhp",
#endif
#ifdef __ARM_FEATURE_QRDMX
    "asimdrdm",
#endif
#ifdef __ARM_FEATURE_JCVT
    "jscvt",
#endif
#ifdef __ARM_FEATURE_COMPLEX
    "fcma",
#endif
#ifdef __ARM_FEATURE_SHA3
    "sha3",
#endif
#ifdef __ARM_FEATURE_DOTPROD
    "asimddp",
#endif
#ifdef __ARM_FEATURE_SVE
    "sve",
#endif
#ifdef __ARM_FEATURE_FP16_FML
    "asimdfhm",
#endif
#ifdef __ARM_FEATURE_SVE2
    "sve2",
#endif
#ifdef __ARM_FEATURE_SVE2_BITPERM
    "svebitperm",
#endif
#ifdef __ARM_FEATURE_FRINT
    "frint",
#endif
#ifdef __ARM_FEATURE_SVE_MATMUL_INT8
    "svei8mm",
#endif
#ifdef __ARM_FEATURE_SVE_BF16
    "svebf16",
#endif
#ifdef __ARM_FEATURE_MATMUL_INT8
    "i8mm",
#endif
#ifdef __ARM_FEATURE_BF16_VECTOR_ARITHMETIC
    "bf16",
#endif
#endif
    nullptr};

}  // namespace isa_guard

namespace {

std::vector<std::string> to_strings(const char* const* names) {
  std::vector<std::string> list;
  for (; *names; ++names) list.emplace_back(*names);
  return list;
}

}  // namespace

IsaReport isa_report() {
  IsaReport report;
  report.built_for = to_strings(isa_guard::kBuiltFor);
  for (const auto& name : to_strings(isa_guard::detectable()))
    if (isa_guard::cpu_has(name.c_str()) == 1) report.cpu.push_back(name);
  for (const auto& name : report.built_for)
    if (isa_guard::cpu_has(name.c_str()) == 0) report.missing.push_back(name);
  return report;
}

std::vector<std::string> cpuinfo_isa(const std::string& cpuinfo) {
  std::string words = cpuinfo_field(cpuinfo, "flags");
  if (words.empty()) words = cpuinfo_field(cpuinfo, "Features");
  std::istringstream in(words);
  std::vector<std::string> list;
  for (std::string word; in >> word;) list.push_back(word);
  return list;
}

std::string cpuinfo_arch(const std::string& cpuinfo) {
  if (!cpuinfo_field(cpuinfo, "vendor_id").empty() && !cpuinfo_field(cpuinfo, "flags").empty())
    return "x86_64";
  if (!cpuinfo_field(cpuinfo, "CPU implementer").empty()) return "aarch64";
  return "";
}

}  // namespace corebench
