// How the compiler under test is called: which executable, with which
// flags, for compiling one file, linking, and telling its version.
#pragma once

#include <string>
#include <vector>

namespace corebench::compile {

class Toolchain {
 public:
  // `compiler` is a command ("g++", "/usr/bin/clang++", "ccache g++") or
  // "auto" for $CXX, else c++; `flags` are split at whitespace, no quoting.
  // Throws OptionError when the compiler is not an executable.
  Toolchain(const std::string& compiler, const std::string& flags);

  std::vector<std::string> compile_command(const std::string& source, const std::string& object,
                                           const std::vector<std::string>& include_dirs) const;
  std::vector<std::string> link_command(const std::vector<std::string>& objects,
                                        const std::string& program) const;
  std::vector<std::string> version_command() const;

  const std::string& executable() const { return command_.front(); }
  const std::string& flags_text() const { return flags_text_; }

 private:
  std::vector<std::string> base_command() const;

  std::vector<std::string> command_;  // absolute path, then any words after it
  std::vector<std::string> flags_;
  std::string flags_text_;
};

std::vector<std::string> split_words(const std::string& text);

}  // namespace corebench::compile
