#include "runner/common/paths.h"

#include <cstdlib>

#ifndef COREBENCH_SOURCE_DIR
#define COREBENCH_SOURCE_DIR "."
#endif

namespace corebench {

std::filesystem::path data_dir() {
  if (const char* dir = std::getenv("COREBENCH_DATA_DIR"); dir && *dir) return dir;
  return COREBENCH_SOURCE_DIR;
}

std::filesystem::path suites_dir() {
  return data_dir() / "profiles" / "suites";
}

std::filesystem::path machine_profiles_dir() {
  return data_dir() / "profiles" / "machines";
}

std::filesystem::path reference_dir() {
  return data_dir() / "results" / "reference";
}

}  // namespace corebench
