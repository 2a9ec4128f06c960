// Suites: named lists of tests, kept as TOML files in profiles/suites/ and
// the user's own suites directory (common/paths).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "runner/common/paths.h"
#include "runner/plan/test_spec.h"

namespace corebench {

struct Suite {
  std::string name;  // the file's stem
  std::string description;
  std::vector<TestSpec> tests;
};

// Reads one suite file. Throws Error naming the file, line and key.
Suite load_suite(const std::filesystem::path& file);

// The names of `suites` (find_profiles), for messages.
std::vector<std::string> suite_names(const std::vector<ProfileFile>& suites);

}  // namespace corebench
