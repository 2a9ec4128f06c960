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
if(COREBENCH_BUILD_TESTS)
  find_package(GTest REQUIRED)
  find_package(benchmark REQUIRED)
endif()
