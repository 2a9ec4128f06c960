#include "workloads/compile/temp_dir.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <system_error>
#include <vector>

namespace corebench::compile {
namespace {

namespace fs = std::filesystem;

constexpr const char* kOwnerFile = "owner.pid";

bool owner_is_gone(const fs::path& dir) {
  std::ifstream in(dir / kOwnerFile);
  long pid = 0;
  if (!(in >> pid) || pid <= 0) return false;  // not ours, or still being created
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

void remove_orphans(const fs::path& parent, const std::string& prefix) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix + "-", 0) == 0 && entry.is_directory(error) &&
        owner_is_gone(entry.path()))
      fs::remove_all(entry.path(), error);
  }
}

}  // namespace

TempDir::TempDir(const std::string& prefix) {
  const fs::path parent = fs::temp_directory_path();
  remove_orphans(parent, prefix);
  const std::string pattern = (parent / (prefix + "-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (::mkdtemp(name.data()) == nullptr)
    throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
  path_ = name.data();
  std::ofstream(path_ / kOwnerFile) << ::getpid() << '\n';
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

}  // namespace corebench::compile
