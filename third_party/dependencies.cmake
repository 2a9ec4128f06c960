# Every dependency comes from a Debian package (see README.md beside this
# file); nothing is vendored. This file is the one place that finds them.
find_package(OpenMP REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(ZLIB REQUIRED)
find_package(LibLZMA REQUIRED)
# Boost.Math's Student t quantiles (results/uncertainty.cpp); header-only.
find_package(Boost 1.74 REQUIRED)
# Open MPI, for LULESH decomposed over ranks; optional: without it every test
# runs in one process. Not looked for in a cross build, where FindMPI would
# find the host's (and Debian 12's libopenmpi-dev:arm64 is not installable:
# it needs libevent-dev:arm64, which is missing).
option(COREBENCH_MPI "Build the MPI mode where Open MPI is installed" ON)
if(COREBENCH_MPI AND NOT CMAKE_CROSSCOMPILING)
  find_package(MPI COMPONENTS CXX)
endif()
if(COREBENCH_BUILD_TESTS)
  find_package(GTest REQUIRED)
  find_package(benchmark REQUIRED)
endif()
