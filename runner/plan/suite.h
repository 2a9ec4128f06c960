// Suites: named lists of tests, kept as TOML files in profiles/suites/.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "runner/plan/test_spec.h"

namespace corebench {

struct Suite {
  std::string name;  // the file's stem
  std::string description;
  std::vector<TestSpec> tests;
};

// Reads one suite file. Throws Error naming the file, line and key.
Suite load_suite(const std::filesystem::path& file);

// Every *.toml in `dir`, by name.
std::vector<std::string> suite_names(const std::filesystem::path& dir);

}  // namespace corebench
