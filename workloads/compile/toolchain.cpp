#include "workloads/compile/toolchain.h"

#include <cstdlib>
#include <sstream>

#include "workloads/compile/process.h"
#include "workloads/options.h"

namespace corebench::compile {
namespace {

// The generated project's own language level, as a project's build file
// would set it; the user's flags come after it and may override it.
constexpr const char* kLanguageStandard = "-std=c++17";

std::string compiler_command_text(const std::string& option) {
  if (option != "auto") return option;
  const char* from_environment = std::getenv("CXX");
  return from_environment && *from_environment ? from_environment : "c++";
}

}  // namespace

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

Toolchain::Toolchain(const std::string& compiler, const std::string& flags)
    : command_(split_words(compiler_command_text(compiler))),
      flags_(split_words(flags)),
      flags_text_(flags) {
  if (command_.empty()) throw OptionError("option 'compiler': empty command");
  const std::string path = find_program(command_.front());
  if (path.empty())
    throw OptionError("option 'compiler': '" + command_.front() +
                      "' is not an executable (not found in PATH)");
  command_.front() = path;
}

std::vector<std::string> Toolchain::base_command() const {
  std::vector<std::string> argv = command_;
  argv.push_back(kLanguageStandard);
  argv.insert(argv.end(), flags_.begin(), flags_.end());
  return argv;
}

std::vector<std::string> Toolchain::compile_command(
    const std::string& source, const std::string& object,
    const std::vector<std::string>& include_dirs) const {
  std::vector<std::string> argv = base_command();
  for (const auto& dir : include_dirs) argv.push_back("-I" + dir);
  argv.insert(argv.end(), {"-c", source, "-o", object});
  return argv;
}

std::vector<std::string> Toolchain::link_command(const std::vector<std::string>& objects,
                                                 const std::string& program) const {
  std::vector<std::string> argv = base_command();
  argv.insert(argv.end(), objects.begin(), objects.end());
  argv.insert(argv.end(), {"-o", program});
  return argv;
}

std::vector<std::string> Toolchain::version_command() const {
  std::vector<std::string> argv = command_;
  argv.push_back("--version");
  return argv;
}

}  // namespace corebench::compile
