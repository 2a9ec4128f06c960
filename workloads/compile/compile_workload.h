// The compile workload: setup writes the generated tree and proves that the
// compiler and flags can build it (untimed); run() compiles and links it;
// verify() runs the program and compares its checksum with the generator's.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "workloads/compile/job_scheduler.h"
#include "workloads/compile/project_build.h"
#include "workloads/compile/temp_dir.h"
#include "workloads/compile/toolchain.h"
#include "workloads/compile/tree_generator.h"
#include "workloads/workload.h"

namespace corebench::compile {

class CompileWorkload final : public Workload {
 public:
  // `shape` replaces the size option's shape: tests build smaller trees.
  explicit CompileWorkload(std::optional<TreeShape> shape = std::nullopt) : shape_(shape) {}

  void setup(const OptionValues& options, const RunConfig& config) override;
  void prepare() override;
  RunOutput run() override;
  Verdict verify() override;

  // Where the tree and the build live, for tests that break them.
  const ProjectBuild& build() const { return *build_; }

 private:
  std::string compiler_identity() const;
  void check_with_probe() const;

  std::optional<TreeShape> shape_;
  std::unique_ptr<Toolchain> toolchain_;
  std::unique_ptr<JobScheduler> scheduler_;
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<ProjectBuild> build_;
  SourceTree tree_;
  std::string identity_;
  std::string size_;
  std::uint64_t seed_ = 0;
  int jobs_ = 1;
};

}  // namespace corebench::compile
