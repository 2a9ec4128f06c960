// Compiled without the target's flags; see isa_guard.h for why this file
// uses only C library calls and its own internal functions.
#include "runner/machine/isa_guard.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#if defined(__x86_64__)
#include <cpuid.h>
#elif defined(__aarch64__)
#include <asm/hwcap.h>
#include <sys/auxv.h>
#endif

#ifndef COREBENCH_TARGET_NAME
#define COREBENCH_TARGET_NAME "unknown"
#endif

namespace corebench::isa_guard {
namespace {

#if defined(__x86_64__)

enum Register { kEax, kEbx, kEcx, kEdx };
// The register state the OS must save for the extension to be usable (XCR0).
enum State { kLegacy, kAvxState, kAvx512State };

struct Feature {
  const char* name;
  unsigned leaf, subleaf;
  Register reg;
  unsigned bit;
  State state;
};

// CPUID bits from the Intel SDM, vol. 2A, CPUID; names as /proc/cpuinfo.
constexpr Feature kFeatures[] = {
    {"pni", 1, 0, kEcx, 0, kLegacy},
    {"ssse3", 1, 0, kEcx, 9, kLegacy},
    {"fma", 1, 0, kEcx, 12, kAvxState},
    {"sse4_1", 1, 0, kEcx, 19, kLegacy},
    {"sse4_2", 1, 0, kEcx, 20, kLegacy},
    {"movbe", 1, 0, kEcx, 22, kLegacy},
    {"popcnt", 1, 0, kEcx, 23, kLegacy},
    {"avx", 1, 0, kEcx, 28, kAvxState},
    {"f16c", 1, 0, kEcx, 29, kAvxState},
    {"bmi1", 7, 0, kEbx, 3, kLegacy},
    {"avx2", 7, 0, kEbx, 5, kAvxState},
    {"bmi2", 7, 0, kEbx, 8, kLegacy},
    {"avx512f", 7, 0, kEbx, 16, kAvx512State},
    {"avx512dq", 7, 0, kEbx, 17, kAvx512State},
    {"avx512ifma", 7, 0, kEbx, 21, kAvx512State},
    {"avx512cd", 7, 0, kEbx, 28, kAvx512State},
    {"avx512bw", 7, 0, kEbx, 30, kAvx512State},
    {"avx512vl", 7, 0, kEbx, 31, kAvx512State},
    {"avx512vbmi", 7, 0, kEcx, 1, kAvx512State},
    {"avx512_vbmi2", 7, 0, kEcx, 6, kAvx512State},
    {"gfni", 7, 0, kEcx, 8, kLegacy},
    {"vaes", 7, 0, kEcx, 9, kAvxState},
    {"vpclmulqdq", 7, 0, kEcx, 10, kAvxState},
    {"avx512_vnni", 7, 0, kEcx, 11, kAvx512State},
    {"avx512_bitalg", 7, 0, kEcx, 12, kAvx512State},
    {"avx512_vpopcntdq", 7, 0, kEcx, 14, kAvx512State},
    {"avx512_vp2intersect", 7, 0, kEdx, 8, kAvx512State},
    {"avx512_fp16", 7, 0, kEdx, 23, kAvx512State},
    {"avx_vnni", 7, 1, kEax, 4, kAvxState},
    {"avx512_bf16", 7, 1, kEax, 5, kAvx512State},
    {"abm", 0x80000001, 0, kEcx, 5, kLegacy},
};

unsigned long long enabled_state() {
  unsigned a, b, c, d;
  constexpr unsigned kOsxsave = 1u << 27;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & kOsxsave)) return 0;
  unsigned lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return (static_cast<unsigned long long>(hi) << 32) | lo;
}

bool state_enabled(State state) {
  constexpr unsigned long long kSseAvx = 0x6, kOpmaskZmm = 0xe0;
  switch (state) {
    case kLegacy: return true;
    case kAvxState: return (enabled_state() & kSseAvx) == kSseAvx;
    case kAvx512State: return (enabled_state() & (kSseAvx | kOpmaskZmm)) == (kSseAvx | kOpmaskZmm);
  }
  return false;
}

// Some CPUs answer a subleaf beyond the last one with another's bits, so
// ask only for subleaves that leaf 7 subleaf 0 (EAX) says exist.
bool subleaf_exists(unsigned leaf, unsigned subleaf) {
  if (subleaf == 0) return true;
  unsigned a, b, c, d;
  return __get_cpuid_count(leaf, 0, &a, &b, &c, &d) && a >= subleaf;
}

bool detect(const Feature& f) {
  unsigned r[4] = {0, 0, 0, 0};
  if (!subleaf_exists(f.leaf, f.subleaf) ||
      !__get_cpuid_count(f.leaf, f.subleaf, &r[kEax], &r[kEbx], &r[kEcx], &r[kEdx]))
    return false;
  return ((r[f.reg] >> f.bit) & 1) && state_enabled(f.state);
}

#elif defined(__aarch64__)

struct Feature {
  const char* name;
  unsigned long hwcap2;  // nonzero: the bit in AT_HWCAP2
  unsigned long hwcap;   // otherwise the bit in AT_HWCAP
};

// The kernel's hwcaps; names as /proc/cpuinfo ("Features").
// clang-format off
constexpr Feature kFeatures[] = {
    {"asimd", 0, HWCAP_ASIMD},
    {"crc32", 0, HWCAP_CRC32},
    {"atomics", 0, HWCAP_ATOMICS},
    {"fphp", 0, HWCAP_FPHP},
    {"asimdhp", 0, HWCAP_ASIMDHP},
    {"asimdrdm", 0, HWCAP_ASIMDRDM},
    {"jscvt", 0, HWCAP_JSCVT},
    {"fcma", 0, HWCAP_FCMA},
    {"sha3", 0, HWCAP_SHA3},
    {"asimddp", 0, HWCAP_ASIMDDP},
    {"sve", 0, HWCAP_SVE},
    {"asimdfhm", 0, HWCAP_ASIMDFHM},
    {"sve2", HWCAP2_SVE2, 0},
    {"svebitperm", HWCAP2_SVEBITPERM, 0},
    {"frint", HWCAP2_FRINT, 0},
    {"svei8mm", HWCAP2_SVEI8MM, 0},
    {"svebf16", HWCAP2_SVEBF16, 0},
    {"i8mm", HWCAP2_I8MM, 0},
    {"bf16", HWCAP2_BF16, 0},
};
// clang-format on

bool detect(const Feature& f) {
  return f.hwcap2 ? (getauxval(AT_HWCAP2) & f.hwcap2) != 0 : (getauxval(AT_HWCAP) & f.hwcap) != 0;
}

#else

struct Feature {
  const char* name;
};
constexpr Feature kFeatures[] = {{nullptr}};
bool detect(const Feature&) {
  return false;
}

#endif

// /proc/cpuinfo as the constructor below found it (its first CPU's flags
// come within the first few KiB); empty when it could not be read.
char kernel_cpuinfo[64 * 1024];

void read_kernel_cpuinfo() {
  const int fd = ::open("/proc/cpuinfo", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  std::size_t size = 0;
  for (ssize_t n = 1; n > 0 && size + 1 < sizeof(kernel_cpuinfo);
       size += static_cast<std::size_t>(n))
    n = ::read(fd, kernel_cpuinfo + size, sizeof(kernel_cpuinfo) - 1 - size);
  ::close(fd);
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

bool starts_with(const char* text, const char* prefix) {
  return std::strncmp(text, prefix, std::strlen(prefix)) == 0;
}

// The flags value of the first line starting "flags" followed by blanks and
// a colon, or nullptr.
const char* flags_value(const char* text) {
  for (const char* line = text; line && *line; line = std::strchr(line, '\n')) {
    if (*line == '\n') ++line;
    if (!starts_with(line, "flags")) continue;
    const char* p = line + 5;
    while (is_blank(*p)) ++p;
    if (*p == ':') return p + 1;
  }
  return nullptr;
}

constexpr std::size_t kFeatureCount = sizeof(kFeatures) / sizeof(kFeatures[0]);

struct Names {
  const char* list[kFeatureCount + 1];
};
constexpr Names names_of_features() {
  Names names{};
  for (std::size_t i = 0; i < kFeatureCount; ++i) names.list[i] = kFeatures[i].name;
  return names;
}
constexpr Names kNames = names_of_features();

// A line of text without the C++ library: appends while there is room.
struct Line {
  char text[1024] = {};
  std::size_t size = 0;
  void add(const char* s) {
    for (; *s && size + 1 < sizeof(text); ++s) text[size++] = *s;
  }
};

// Before main and before every other constructor of this binary, which the
// compiler may have given instructions this CPU lacks.
__attribute__((constructor(101))) void refuse_on_a_cpu_that_lacks_the_target() {
  read_kernel_cpuinfo();
  const char* skip = std::getenv("COREBENCH_SKIP_ISA_CHECK");
  if (skip && *skip && std::strcmp(skip, "0") != 0) return;
  if (report_missing(STDERR_FILENO, kBuiltFor, cpu_has) > 0) _exit(1);
}

}  // namespace

int cpuid_has(const char* name) {
  for (const Feature& f : kFeatures)
    if (f.name && std::strcmp(f.name, name) == 0) return detect(f) ? 1 : 0;
  return -1;
}

int cpu_has(const char* name) {
  const int reported = cpuid_has(name);
#if defined(__x86_64__)
  if (reported == 1 && kernel_lists(kernel_cpuinfo, name) == 0) return 0;
#endif
  return reported;
}

int kernel_lists(const char* cpuinfo, const char* name) {
  const char* value = flags_value(cpuinfo);
  if (!value) return -1;
  const std::size_t length = std::strlen(name);
  for (const char* p = value; *p && *p != '\n';) {
    while (is_blank(*p)) ++p;
    const char* word = p;
    while (*p && *p != '\n' && !is_blank(*p)) ++p;
    if (static_cast<std::size_t>(p - word) == length && std::strncmp(word, name, length) == 0)
      return 1;
  }
  return 0;
}

const char* const* detectable() {
  return kNames.list;
}

int report_missing(int fd, const char* const* built_for, int (*has)(const char*)) {
  Line line;
  int missing = 0;
  line.add("corebench: this CPU lacks ");
  for (const char* const* name = built_for; *name; ++name) {
    if (has(*name) != 0) continue;
    if (missing++) line.add(", ");
    line.add(*name);
  }
  if (!missing) return 0;
  line.add(", which this binary was built to use (COREBENCH_TARGET=" COREBENCH_TARGET_NAME
           "); rebuild with COREBENCH_TARGET=native or portable, or set "
           "COREBENCH_SKIP_ISA_CHECK=1 to run it anyway\n");
  (void)!::write(fd, line.text, line.size);
  return missing;
}

}  // namespace corebench::isa_guard
