#include "workloads/compile/compile_workload.h"

#include <fmt/format.h>

#include <stdexcept>

#include "workloads/common/cpu_mask.h"
#include "workloads/compile/process.h"

namespace corebench::compile {
namespace {

constexpr std::size_t kOutputBytes = 4096;

struct Captured {
  std::optional<JobFailure> failure;
  std::string output;
};

// One command on the scheduler's first CPU, its output kept.
Captured run_captured(const JobScheduler& scheduler, const std::string& label,
                      std::vector<std::string> argv, const std::filesystem::path& log_path) {
  Captured captured;
  captured.failure = scheduler.run({Job{label, std::move(argv), log_path.string()}});
  captured.output = read_head(log_path.string(), kOutputBytes);
  return captured;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace

void CompileWorkload::setup(const OptionValues& options, const RunConfig& config) {
  toolchain_ = std::make_unique<Toolchain>(options.text("compiler"), options.text("flags"));
  jobs_ = options.is_auto("jobs") ? config.threads : static_cast<int>(options.integer("jobs"));
  scheduler_ =
      std::make_unique<JobScheduler>(jobs_, config.cpus.empty() ? allowed_cpus() : config.cpus);
  seed_ = static_cast<std::uint64_t>(options.integer("seed"));
  size_ = options.text("size");
  dir_ = std::make_unique<TempDir>("corebench-compile");
  try {
    identity_ = compiler_identity();
    check_with_probe();
    tree_ = generate_tree(shape_ ? *shape_ : tree_shape(size_), seed_);
    build_ = std::make_unique<ProjectBuild>(tree_, *toolchain_, dir_->path() / "tree");
  } catch (...) {
    dir_.reset();  // a test that fails its setup leaves nothing behind
    throw;
  }
}

void CompileWorkload::prepare() {
  build_->clean();
}

RunOutput CompileWorkload::run() {
  if (const auto failure = build_->build(*scheduler_))
    throw std::runtime_error("the build failed: " + failure->message());
  return {};
}

Verdict CompileWorkload::verify() {
  const Captured run =
      run_captured(*scheduler_, "program", {build_->program()}, dir_->path() / "program.log");
  const std::string expected = checksum_line(tree_.checksum);
  const std::string printed = first_line(run.output);
  Verdict verdict;
  verdict.ok = !run.failure && printed == expected;
  verdict.facts = {{"generator_version", kGeneratorVersion},
                   {"seed", static_cast<double>(seed_)},
                   {"translation_units", static_cast<double>(tree_.translation_units.size())},
                   {"source_lines", static_cast<double>(tree_.lines)},
                   {"jobs", jobs_}};
  const std::string what =
      fmt::format("tree v{} {} seed {} ({} units, {} lines) built by {} with flags '{}'",
                  kGeneratorVersion, size_, seed_, tree_.translation_units.size(), tree_.lines,
                  identity_, toolchain_->flags_text());
  if (run.failure)
    verdict.detail = fmt::format("{}: the program failed: {}", what, run.failure->message());
  else if (!verdict.ok)
    verdict.detail = fmt::format("{}: the program printed '{}', the generator expected '{}'", what,
                                 printed, expected);
  else
    verdict.detail = fmt::format("{}: the program printed the generator's {}", what, expected);
  return verdict;
}

std::string CompileWorkload::compiler_identity() const {
  const Captured version = run_captured(*scheduler_, "version", toolchain_->version_command(),
                                        dir_->path() / "version.log");
  if (version.failure)
    throw OptionError("option 'compiler': " + toolchain_->executable() +
                      " --version failed: " + version.failure->summary());
  return first_line(version.output);
}

// A one-unit tree that uses every kind of step, built and run before any
// timing, so that a compiler or flags that cannot build the project fail the
// test up front with the compiler's own message.
void CompileWorkload::check_with_probe() const {
  const SourceTree probe = generate_tree(tree_shape("probe"), seed_);
  const ProjectBuild build(probe, *toolchain_, dir_->path() / "probe");
  if (const auto failure = build.build(*scheduler_))
    throw OptionError(
        fmt::format("options 'compiler'/'flags': {} with flags '{}' cannot build a "
                    "test program: {}",
                    toolchain_->executable(), toolchain_->flags_text(), failure->summary()));
  const Captured run =
      run_captured(*scheduler_, "probe program", {build.program()}, dir_->path() / "probe.log");
  if (run.failure || first_line(run.output) != checksum_line(probe.checksum))
    throw std::runtime_error(
        fmt::format("{} with flags '{}' built a test program that gives a wrong answer: {}",
                    toolchain_->executable(), toolchain_->flags_text(),
                    run.failure ? run.failure->summary() : first_line(run.output)));
  std::filesystem::remove_all(build.root());
}

}  // namespace corebench::compile
