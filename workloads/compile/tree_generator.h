// A deterministic C++ project, shaped like a real one: a core library whose
// headers every file includes, modules of units that use the standard
// library and templates the way application code does, a few units several
// times larger than the rest, and a main program that prints one checksum.
// The generator knows that checksum before any compiler has run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace corebench::compile {

// Bumped whenever the generated text changes: a tree of another version is
// another test, and its times are not comparable.
constexpr int kGeneratorVersion = 1;

struct TreeShape {
  int modules = 1;
  int units_per_module = 1;
  int functions_per_unit = 1;
  int steps_per_function = 1;
  int large_units = 0;  // units with `large_factor` times the functions
  int large_factor = 1;
};

// "small", "medium", "large"; "probe" is a one-unit tree for checking a
// compiler. Throws std::invalid_argument for any other name.
TreeShape tree_shape(const std::string& size);

struct SourceFile {
  std::string path;  // relative to the tree's root
  std::string text;
};

struct SourceTree {
  std::vector<SourceFile> files;
  std::vector<std::string> translation_units;  // paths of the .cpp files
  std::vector<std::string> include_dirs;       // relative to the root
  std::uint64_t checksum = 0;                  // what the program prints
  std::size_t lines = 0;
};

SourceTree generate_tree(const TreeShape& shape, std::uint64_t seed);

// The line the generated program prints for `checksum`.
std::string checksum_line(std::uint64_t checksum);

}  // namespace corebench::compile
