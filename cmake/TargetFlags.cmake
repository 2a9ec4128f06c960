# Code-generation flags for the CPU the binary is built for. This file is the
# one place that knows them; machine profiles name a target, not flags.
#
#   native   this machine's CPU (the quick start's default)
#   portable the architecture's baseline (x86-64: SSE2; aarch64: Armv8-A
#            with NEON); runs anywhere
#   gb10     NVIDIA GB10 (Cortex-X925 + Cortex-A725, Armv9.2-A, SVE2 with
#            128-bit vectors), aarch64 only
#   zen5     AMD Zen 5 (AVX-512), x86-64 only
#
# gb10 and zen5 take the first candidate the compiler accepts (tested here,
# at configure time, with -Werror so that a conflict warning also rejects
# it): the exact CPU where the compiler knows it, otherwise the nearest
# architecture with a tuning it knows. COREBENCH_TARGET_FLAGS says which one
# won; `corebench info` and every result file record it with the target name.
#
# The flags reach only the targets that link corebench_target_flags
# (corebench_workloads does, PUBLIC, so everything built on it does). The
# startup ISA check (runner/machine/isa_guard.cpp) does not: it must run on any CPU
# of the architecture to say why the rest cannot.
set(COREBENCH_TARGET "native" CACHE STRING "CPU to build for: native, portable, gb10 or zen5")
set_property(CACHE COREBENCH_TARGET PROPERTY STRINGS native portable gb10 zen5)

set(COREBENCH_GB10_CANDIDATES
    "-mcpu=cortex-x925"                                  # GCC 14.2+, Clang 19+
    "-march=armv9.2-a+sve2 -mtune=cortex-x4"              # GCC 14, Clang 18
    "-march=armv9.2-a+sve2 -mtune=neoverse-v2"            # GCC 13, Clang 16
    "-march=armv9-a+sve2+bf16+i8mm -mtune=cortex-x2")     # GCC 12 (Debian 12)
set(COREBENCH_ZEN5_CANDIDATES
    "-march=znver5"                                       # GCC 14, Clang 19
    "-march=znver4"                                       # GCC 12.3/13, Clang 16
    # GCC 12.2 (Debian 12) knows neither: Zen 4's instruction set, spelled out.
    "-march=znver3 -mavx512f -mavx512dq -mavx512cd -mavx512bw -mavx512vl -mavx512ifma -mavx512vbmi -mavx512vbmi2 -mavx512vnni -mavx512bitalg -mavx512vpopcntdq -mavx512bf16 -mgfni -mvaes -mvpclmulqdq")

include(CheckCXXSourceCompiles)

# Sets `out` to the first of the candidate flag strings the compiler accepts.
function(corebench_first_accepted_flags out target)
  set(index 0)
  foreach(candidate IN LISTS ARGN)
    set(CMAKE_REQUIRED_FLAGS "${candidate} -Werror")
    set(CMAKE_REQUIRED_QUIET ON)
    check_cxx_source_compiles("int main() { return 0; }" COREBENCH_${target}_FLAGS_${index})
    if(COREBENCH_${target}_FLAGS_${index})
      set(${out} "${candidate}" PARENT_SCOPE)
      return()
    endif()
    math(EXPR index "${index} + 1")
  endforeach()
  message(FATAL_ERROR "The compiler accepts none of the flags for COREBENCH_TARGET=${target}")
endfunction()

# -march=native asks CPUID, but a hypervisor or the kernel can hide a
# feature that CPUID reports (LZCNT on some VMs): what /proc/cpuinfo does not
# list, the binary must not use (the startup ISA check, which goes by the
# kernel's word, would refuse it). The extensions and their macros are the
# ones runner/machine/isa.cpp lists, so that table stays the only one: for each whose
# macro -march=native defines and whose cpuinfo name the kernel does not
# list, this appends -mno-<macro in lower case, '_' as '.'>.
function(corebench_without_features_the_kernel_hides flags_var)
  if(NOT EXISTS /proc/cpuinfo)
    return()
  endif()
  file(STRINGS /proc/cpuinfo kernel_flags REGEX "^flags[ \t]*:" LIMIT_COUNT 1)
  if(NOT kernel_flags)
    return()
  endif()
  string(REGEX REPLACE "^flags[ \t]*:" "" kernel_flags "${kernel_flags}")
  string(REGEX REPLACE "[ \t]+" ";" kernel_flags "${kernel_flags}")
  separate_arguments(native UNIX_COMMAND "${${flags_var}}")
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} ${native} -dM -E -x c++ /dev/null
                  OUTPUT_VARIABLE macros RESULT_VARIABLE failed ERROR_QUIET)
  if(failed)
    return()
  endif()
  file(READ "${PROJECT_SOURCE_DIR}/runner/machine/isa.cpp" isa_table)
  string(REGEX MATCHALL "#ifdef __[A-Z0-9_]+__\n +\"[a-z0-9_]+\"" pairs "${isa_table}")
  set(hidden "")
  foreach(pair IN LISTS pairs)
    string(REGEX REPLACE "#ifdef __([A-Z0-9_]+)__\n +\"([a-z0-9_]+)\"" "\\1;\\2" pair "${pair}")
    list(GET pair 0 macro)
    list(GET pair 1 name)
    if(macros MATCHES "#define __${macro}__ " AND NOT name IN_LIST kernel_flags)
      string(TOLOWER "${macro}" option)
      string(REPLACE "_" "." option "${option}")
      list(APPEND hidden "${name}")
      string(APPEND ${flags_var} " -mno-${option}")
      if(option STREQUAL "lzcnt")
        string(APPEND ${flags_var} " -mno-abm")  # GCC's ABM implies LZCNT too
      endif()
    endif()
  endforeach()
  if(hidden)
    message(STATUS "corebench: CPUID reports ${hidden}, which the kernel does not list: not used")
  endif()
  set(${flags_var} "${${flags_var}}" PARENT_SCOPE)
endfunction()

if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
  set(_arch aarch64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  set(_arch x86_64)
else()
  set(_arch "${CMAKE_SYSTEM_PROCESSOR}")
endif()

if(COREBENCH_TARGET STREQUAL "native")
  if(CMAKE_CROSSCOMPILING)
    message(FATAL_ERROR "COREBENCH_TARGET=native means the build machine's CPU; "
                        "a cross build needs portable, gb10 or zen5")
  endif()
  corebench_first_accepted_flags(COREBENCH_TARGET_FLAGS native "-march=native" "-mcpu=native")
  if(_arch STREQUAL "x86_64")
    corebench_without_features_the_kernel_hides(COREBENCH_TARGET_FLAGS)
  endif()
elseif(COREBENCH_TARGET STREQUAL "portable")
  set(COREBENCH_TARGET_FLAGS "")
elseif(COREBENCH_TARGET STREQUAL "gb10" AND _arch STREQUAL "aarch64")
  corebench_first_accepted_flags(COREBENCH_TARGET_FLAGS gb10 ${COREBENCH_GB10_CANDIDATES})
elseif(COREBENCH_TARGET STREQUAL "zen5" AND _arch STREQUAL "x86_64")
  corebench_first_accepted_flags(COREBENCH_TARGET_FLAGS zen5 ${COREBENCH_ZEN5_CANDIDATES})
elseif(COREBENCH_TARGET MATCHES "^(gb10|zen5)$")
  message(FATAL_ERROR "COREBENCH_TARGET=${COREBENCH_TARGET} is a CPU of another architecture than "
                      "this build's (${_arch}): cross-build for it (the aarch64 preset is gb10) "
                      "or use native or portable")
else()
  message(FATAL_ERROR
          "COREBENCH_TARGET must be native, portable, gb10 or zen5, not '${COREBENCH_TARGET}'")
endif()
message(STATUS "corebench target: ${COREBENCH_TARGET} (${_arch}): ${COREBENCH_TARGET_FLAGS}")

add_library(corebench_target_flags INTERFACE)
separate_arguments(_target_flags UNIX_COMMAND "${COREBENCH_TARGET_FLAGS}")
target_compile_options(corebench_target_flags INTERFACE ${_target_flags})
