#include "runner/plan/plan.h"

#include <fmt/format.h>

#include <charconv>

#include "runner/common/error.h"
#include "runner/common/paths.h"
#include "runner/machine/cpu_set_expression.h"
#include "runner/plan/suite.h"

namespace corebench {
namespace {

constexpr int kMaxThreads = 4096;

std::string workload_ids(const Registry& registry) {
  std::string ids;
  for (const auto& entry : registry.entries()) ids += (ids.empty() ? "" : ", ") + entry.info.id;
  return ids;
}

std::vector<TestSpec> expand_target(const Registry& registry, const PlanRequest& request,
                                    const std::string& target) {
  const std::vector<ProfileFile> suites = find_profiles(request.suite_dirs);
  if (target.find(':') == std::string::npos && !registry.find(target))
    for (const ProfileFile& suite : suites)
      if (suite.name == target) return load_suite(suite.path).tests;
  TestSpec spec = parse_test_spec(target);
  if (!registry.find(spec.workload))
    throw Error(fmt::format("unknown suite or workload '{}' (suites: {}; workloads: {})",
                            spec.workload, fmt::join(suite_names(suites), ", "),
                            workload_ids(registry)));
  return {spec};
}

// Where the profile says a test without a CPU set runs: single-threaded
// tests on the fastest core, others (and copies) on its multi-threaded set.
std::pair<std::string, std::string> default_cpus(const MachineProfile& profile,
                                                 const TestSpec& spec) {
  if (spec.threads == "1" && spec.copies.empty())
    return {"cpus.single_thread", profile.single_thread_cpus};
  return {"cpus.multi_thread", profile.multi_thread_cpus};
}

// The test's CPUs, threads, and how the threads are laid onto the CPUs.
void place(const PlanRequest& request, const TestSpec& spec, PlannedTest& test) {
  const auto [profile_key, fallback] = default_cpus(request.profile, spec);
  test.cpus_spec = spec.cpus.empty() ? fallback : spec.cpus;
  CpuSet cpus;
  try {
    cpus = resolve_cpu_set(test.cpus_spec, request.topology);
  } catch (const CpuSetError& e) {
    if (!spec.cpus.empty()) throw UnresolvedCpuSet(fmt::format("{}: {}", spec.name(), e.what()));
    throw UnresolvedCpuSet(fmt::format("{}: default from {} '{}': {}", spec.name(),
                                       request.profile.file.string(), profile_key, e.what()));
  }
  test.cpus = cpus;
  // A copy is single-threaded unless the spec says otherwise.
  const std::string threads = spec.threads.empty() && !spec.copies.empty() ? "1" : spec.threads;
  test.threads = resolve_threads(threads, cpus.size());
  const Placement placement = request.placement.value_or(request.profile.placement);
  test.planned_cpus = placement_order(cpus, request.topology, placement);
  test.placement = placement_name(placement);
  test.schedule = request.profile.schedule_for(cpus, request.topology);
  if (spec.copies.empty()) return;
  try {
    test.copies =
        plan_copies(parse_copies(spec.copies), cpus, test.threads, request.topology, placement);
  } catch (const Error& e) {
    throw Error(fmt::format("{}: {}", spec.name(), e.what()));
  }
  std::vector<int> planned;
  for (const CopyPlan& copy : test.copies)
    planned.insert(planned.end(), copy.cpus.begin(), copy.cpus.end());
  test.cpus = CpuSet(planned);
  test.planned_cpus = std::move(planned);
}

// The request's --cpus, --threads and --copies over the spec's own.
TestSpec with_overrides(const PlanRequest& request, TestSpec spec) {
  if (!request.cpus.empty()) spec.cpus = request.cpus;
  if (!request.threads.empty()) spec.threads = request.threads;
  if (!request.copies.empty()) spec.copies = request.copies;
  return spec;
}

// One test, or for "per-type" copies one pass per core type of the test's
// CPU set, each a test of its own ("copies=per-type:x925").
std::vector<PlannedTest> plan_one(const Registry& registry, const PlanRequest& request,
                                  TestSpec spec) {
  PlannedTest test;
  test.entry = registry.find(spec.workload);
  if (!test.entry)
    throw Error(fmt::format("unknown workload '{}' (workloads: {})", spec.workload,
                            workload_ids(registry)));
  try {
    test.options = resolve_options(test.entry->info, spec.options);
  } catch (const OptionError& e) {
    throw Error(fmt::format("{}: {}", spec.workload, e.what()));
  }
  if (spec.copies == "per-type") {
    TestSpec whole = spec;
    whole.copies.clear();
    place(request, whole, test);
    std::vector<PlannedTest> passes;
    for (std::string pass : expand_per_type(test.cpus, request.topology)) {
      TestSpec one = spec;
      one.copies = std::move(pass);
      for (auto& planned : plan_one(registry, request, std::move(one)))
        passes.push_back(std::move(planned));
    }
    return passes;
  }
  place(request, spec, test);
  test.spec = std::move(spec);
  return {std::move(test)};
}

}  // namespace

PlanRequest plan_request(Machine machine, std::string_view placement) {
  return PlanRequest{.targets = {},
                     .cpus = "",
                     .threads = "",
                     .copies = "",
                     .suite_dirs = suite_dirs(),
                     .topology = std::move(machine.topology),
                     .profile = std::move(machine.profile),
                     .placement = placement_option(placement)};
}

int resolve_threads(const std::string& spec, std::size_t cpus) {
  if (spec.empty() || spec == "all") return static_cast<int>(cpus);
  int threads = 0;
  auto [ptr, ec] = std::from_chars(spec.data(), spec.data() + spec.size(), threads);
  if (ec != std::errc() || ptr != spec.data() + spec.size() || threads < 1 || threads > kMaxThreads)
    throw Error(
        fmt::format("threads '{}': give a number from 1 to {} or 'all'", spec, kMaxThreads));
  return threads;
}

std::vector<PlannedTest> plan_specs(const Registry& registry, const PlanRequest& request,
                                    std::vector<TestSpec> specs) {
  std::vector<PlannedTest> tests;
  for (auto& spec : specs)
    for (auto& test : plan_one(registry, request, with_overrides(request, std::move(spec))))
      tests.push_back(std::move(test));
  return tests;
}

std::vector<PlannedTest> plan_tests(const Registry& registry, const PlanRequest& request) {
  std::vector<TestSpec> specs;
  for (const auto& target : request.targets)
    for (auto& spec : expand_target(registry, request, target)) specs.push_back(std::move(spec));
  return plan_specs(registry, request, std::move(specs));
}

}  // namespace corebench
