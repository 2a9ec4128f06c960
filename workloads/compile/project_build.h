// A generated tree written to disk, and the commands that build it: one
// compile job per translation unit, then one link.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "workloads/compile/job_scheduler.h"
#include "workloads/compile/toolchain.h"
#include "workloads/compile/tree_generator.h"

namespace corebench::compile {

class ProjectBuild {
 public:
  // Writes `tree` under `root`, which is created.
  ProjectBuild(const SourceTree& tree, const Toolchain& toolchain,
               const std::filesystem::path& root);

  // Removes what a build made, so the next build starts from sources only.
  void clean() const;

  // Compiles every unit, then links; the first failure, if any.
  std::optional<JobFailure> build(const JobScheduler& scheduler) const;

  // Biggest sources first, so the long jobs do not start last.
  const std::vector<Job>& compile_jobs() const { return compile_jobs_; }
  const Job& link_job() const { return link_job_; }
  const std::string& program() const { return program_; }
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  std::vector<Job> compile_jobs_;
  Job link_job_;
  std::string program_;
};

}  // namespace corebench::compile
