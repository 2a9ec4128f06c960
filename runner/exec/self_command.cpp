#include "runner/exec/self_command.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <sstream>

#include "runner/common/error.h"

namespace corebench {

std::vector<std::string> emulator_command() {
  const char* text = std::getenv("COREBENCH_EMULATOR");
  std::istringstream in(text ? text : "");
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::vector<std::string> self_command() {
  char path[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
  if (n <= 0) throw Error("cannot find the corebench binary (/proc/self/exe)");
  std::vector<std::string> command = emulator_command();
  command.emplace_back(path, static_cast<std::size_t>(n));
  return command;
}

}  // namespace corebench
