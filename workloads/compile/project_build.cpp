#include "workloads/compile/project_build.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <system_error>

namespace corebench::compile {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::system_error(errno, std::generic_category(), path.string());
}

// "src/mod00/unit01.cpp" -> "src_mod00_unit01.cpp": one flat directory.
std::string flat_name(std::string path) {
  std::replace(path.begin(), path.end(), '/', '_');
  return path;
}

}  // namespace

ProjectBuild::ProjectBuild(const SourceTree& tree, const Toolchain& toolchain, const fs::path& root)
    : root_(root), program_((root / "program").string()) {
  std::map<std::string, std::size_t> source_size;
  for (const auto& file : tree.files) {
    write_file(root_ / file.path, file.text);
    source_size[file.path] = file.text.size();
  }
  std::vector<std::string> include_dirs;
  for (const auto& dir : tree.include_dirs) include_dirs.push_back((root_ / dir).string());

  std::vector<std::string> units = tree.translation_units;
  std::stable_sort(units.begin(), units.end(), [&](const auto& a, const auto& b) {
    return source_size.at(a) > source_size.at(b);
  });
  std::vector<std::string> objects;
  for (const auto& unit : tree.translation_units)
    objects.push_back((root_ / "obj" / (flat_name(unit) + ".o")).string());
  for (const auto& unit : units) {
    const std::string object = (root_ / "obj" / (flat_name(unit) + ".o")).string();
    compile_jobs_.push_back(
        {unit, toolchain.compile_command((root_ / unit).string(), object, include_dirs),
         (root_ / "logs" / (flat_name(unit) + ".log")).string()});
  }
  link_job_ = {"link", toolchain.link_command(objects, program_),
               (root_ / "logs" / "link.log").string()};
  clean();
}

void ProjectBuild::clean() const {
  for (const char* dir : {"obj", "logs"}) {
    fs::remove_all(root_ / dir);
    fs::create_directories(root_ / dir);
  }
  fs::remove(program_);
}

std::optional<JobFailure> ProjectBuild::build(const JobScheduler& scheduler) const {
  if (auto failure = scheduler.run(compile_jobs_)) return failure;
  return scheduler.run({link_job_});
}

}  // namespace corebench::compile
