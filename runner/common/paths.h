// Where corebench finds its profiles and reference results.
#pragma once

#include <filesystem>

namespace corebench {

// $COREBENCH_DATA_DIR if set, else the source tree this binary was built from.
std::filesystem::path data_dir();
std::filesystem::path suites_dir();
std::filesystem::path machine_profiles_dir();
std::filesystem::path reference_dir();

}  // namespace corebench
