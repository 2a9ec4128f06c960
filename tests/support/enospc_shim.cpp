// An LD_PRELOAD shim for the full-device tests where no tmpfs can be
// mounted: write() to a file below $COREBENCH_ENOSPC_DIR fails with ENOSPC
// while $COREBENCH_ENOSPC_DIR/.full exists, as on a device that filled up.
// Plain C library calls only: it runs inside every write() of the process.
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using WriteFunction = ssize_t (*)(int, const void*, size_t);

bool below(const char* path, const char* dir) {
  const std::size_t length = std::strlen(dir);
  return std::strncmp(path, dir, length) == 0 && path[length] == '/';
}

bool device_full_for(int fd) {
  const char* dir = std::getenv("COREBENCH_ENOSPC_DIR");
  if (dir == nullptr || *dir == '\0') return false;
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  char target[PATH_MAX];
  const ssize_t n = ::readlink(link, target, sizeof target - 1);
  if (n <= 0) return false;
  target[n] = '\0';
  if (!below(target, dir)) return false;
  char marker[PATH_MAX];
  std::snprintf(marker, sizeof marker, "%s/.full", dir);
  struct stat info {};
  return ::stat(marker, &info) == 0;
}

}  // namespace

extern "C" ssize_t write(int fd, const void* data, size_t size) {
  static const auto real = reinterpret_cast<WriteFunction>(::dlsym(RTLD_NEXT, "write"));
  if (device_full_for(fd)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, data, size);
}
