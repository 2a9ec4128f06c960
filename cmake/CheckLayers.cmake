# Fails when code includes a layer above its own, so that dependencies only
# point down (docs/ARCHITECTURE.md, "Layers"):
#
#   runner/main.cpp
#   runner/cli/                   verbs and their arguments
#   runner/exec/  runner/child/   the parent's side / the pinned child's side
#   runner/plan/                  suites, test specs, planning, sweeps
#   runner/protocol/              the messages between parent and child
#   runner/telemetry/             the parent's sampler: clock, temperature, energy
#   runner/machine/               sysfs, topology, CPU sets, ISA, machine profiles
#   runner/results/               result files, statistics, comparison, reports
#   runner/common/                errors, data paths, TOML checks
#   workloads/                    never include runner/
#
# A folder may include its own files and those of any folder below it; exec
# and child share a rank and include neither each other. Run as
#   cmake -DSOURCE_DIR=<the source tree> -P cmake/CheckLayers.cmake
# (a CTest test does) and at configure time (CMakeLists.txt includes it).

if(NOT SOURCE_DIR)
  set(SOURCE_DIR "${PROJECT_SOURCE_DIR}")
endif()

set(_rank_main 10)
set(_rank_cli 9)
set(_rank_exec 8)
set(_rank_child 8)
set(_rank_plan 7)
set(_rank_protocol 6)
set(_rank_telemetry 4)
set(_rank_machine 3)
set(_rank_results 2)
set(_rank_common 1)

# The layer of a path below runner/ ("exec/session.h" -> exec, "main.cpp" -> main).
function(_corebench_layer path out)
  if(path MATCHES "^([a-z_]+)/")
    set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  else()
    set(${out} "main" PARENT_SCOPE)
  endif()
endfunction()

set(_violations "")
file(GLOB_RECURSE _runner_files RELATIVE "${SOURCE_DIR}/runner"
     "${SOURCE_DIR}/runner/*.h" "${SOURCE_DIR}/runner/*.cpp")
foreach(file IN LISTS _runner_files)
  _corebench_layer("${file}" from)
  if(NOT DEFINED _rank_${from})
    list(APPEND _violations "runner/${file}: in no layer (add its folder to cmake/CheckLayers.cmake)")
    continue()
  endif()
  file(STRINGS "${SOURCE_DIR}/runner/${file}" includes REGEX "^#include \"runner/")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^#include \"runner/([^\"]+)\".*" "\\1" target "${line}")
    _corebench_layer("${target}" to)
    if(to STREQUAL from)
      continue()
    endif()
    if(NOT DEFINED _rank_${to} OR NOT _rank_${to} LESS _rank_${from})
      list(APPEND _violations "runner/${file}: ${from}/ may not include runner/${target}")
    endif()
  endforeach()
endforeach()

file(GLOB_RECURSE _workload_files "${SOURCE_DIR}/workloads/*.h" "${SOURCE_DIR}/workloads/*.cpp")
foreach(file IN LISTS _workload_files)
  file(STRINGS "${file}" includes REGEX "^#include \"runner/")
  if(includes)
    file(RELATIVE_PATH shown "${SOURCE_DIR}" "${file}")
    list(APPEND _violations "${shown}: a workload may not include the runner (${includes})")
  endif()
endforeach()

if(_violations)
  list(JOIN _violations "\n  " text)
  message(FATAL_ERROR "Includes against the layering (cmake/CheckLayers.cmake):\n  ${text}")
endif()
