// The startup check that this CPU has every instruction-set extension the
// binary was built to use, so that a binary built for a newer CPU refuses
// with one line instead of dying of SIGILL somewhere in a workload.
//
// isa_guard.cpp is compiled without the target's flags and calls no inline
// C++ library code (whose one linked copy may come from a target-flagged
// file), and the check runs as a high-priority constructor, before any
// target-flagged static initialiser. The one thing it reads from the
// target-flagged build is constant data (kBuiltFor), which executes nothing.
// Extensions are named as Linux's /proc/cpuinfo names them ("avx512f",
// "sve2"). Setting COREBENCH_SKIP_ISA_CHECK=1 runs the binary anyway.
#pragma once

namespace corebench::isa_guard {

// The extensions the compiler was allowed to use, from its predefined
// macros (__AVX2__, __ARM_FEATURE_SVE2, ...): null-terminated. Defined in
// isa.cpp, which is compiled with the target's flags.
extern const char* const kBuiltFor[];

// 1: this CPU has the extension; 0: it lacks it; -1: not one this build can
// detect (another architecture's, or unknown). "Has" is the kernel's word:
// on aarch64 its hwcaps; on x86 what CPUID reports (with the register state
// the OS enables) and the kernel lists in /proc/cpuinfo's flags, since a
// hypervisor or the kernel can hide a feature that CPUID still reports.
// Where /proc/cpuinfo cannot be read, CPUID alone.
int cpu_has(const char* name);

// What the processor itself reports, before the kernel's word: CPUID on
// x86, the hwcaps on aarch64. Same answers as cpu_has otherwise.
int cpuid_has(const char* name);

// Whether the first "flags" line of a /proc/cpuinfo text lists `name`: 1
// yes, 0 no, -1 the text has no flags line.
int kernel_lists(const char* cpuinfo, const char* name);

// The extensions cpu_has can detect on this architecture: null-terminated.
const char* const* detectable();

// When `has` says 0 for any of `built_for`, writes one line naming them and
// the way out to `fd` and returns how many; otherwise writes nothing and
// returns 0.
int report_missing(int fd, const char* const* built_for, int (*has)(const char*));

}  // namespace corebench::isa_guard
