#include "fuzz_support.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace corebench::fuzz {
namespace {

std::filesystem::path scratch_dir() {
  const char* tmp = std::getenv("TMPDIR");
  std::filesystem::path dir = std::filesystem::path(tmp && *tmp ? tmp : "/tmp") /
                              ("corebench-fuzz." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  // libFuzzer leaves through exit() when its time is up.
  static const std::filesystem::path removed_at_exit = dir;
  std::atexit([] {
    std::error_code ignored;
    std::filesystem::remove_all(removed_at_exit, ignored);
  });
  return dir;
}

}  // namespace

std::filesystem::path input_file(const std::string& name, std::string_view contents) {
  static const std::filesystem::path dir = scratch_dir();
  const std::filesystem::path file = dir / name;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  return file;
}

const std::vector<Topology>& fixture_topologies() {
  static const std::vector<Topology> machines = [] {
    std::vector<Topology> list;
    for (const char* name : {"intel-i7-1370p-hybrid", "nvidia-dgx-gb10", "amd-strix-halo-synthetic",
                             "amd-zen5-vm-2cpu"})
      list.push_back(detect_topology(std::string(COREBENCH_FIXTURES) + "/" + name));
    return list;
  }();
  return machines;
}

}  // namespace corebench::fuzz
