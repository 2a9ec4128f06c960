// What the fuzz targets share: the input as a file (for parsers that read
// one), the fixture machines, and the rule that a parser of outside input
// throws only its documented error type.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "runner/machine/topology.h"

namespace corebench::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Writes the input to `name` in this process's scratch directory (below
// $TMPDIR) and returns its path: suites, profiles and result files are read
// from files, and reading them through the real loader fuzzes that too.
std::filesystem::path input_file(const std::string& name, std::string_view contents);

// Detected once from tests/fixtures/sysfs: a hybrid x86 laptop, GB10, Strix
// Halo and this VM, so that every kind of CPU-set name exists somewhere.
const std::vector<Topology>& fixture_topologies();

// Runs `parse`; an exception of one of the `Expected` types is the parser
// refusing the input with its message, which must say something. Any other
// exception escapes, and libFuzzer reports the uncaught exception's abort.
template <typename... Expected, typename Parse>
void refused_only_by(Parse parse) {
  try {
    parse();
  } catch (const std::exception& error) {
    const bool expected = (... || (dynamic_cast<const Expected*>(&error) != nullptr));
    if (!expected) throw;
    if (std::string_view(error.what()).empty()) throw;
  }
}

}  // namespace corebench::fuzz
