#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "runner/cli/verbs.h"
#include "runner/common/paths.h"
#include "runner/plan/estimate.h"
#include "runner/plan/suite.h"
#include "runner/results/compare.h"

namespace corebench {
namespace {

constexpr const char* kKindNames[] = {"choice", "integer", "real", "bytes", "text"};

nlohmann::json option_json(const OptionSpec& spec) {
  nlohmann::json j = {{"name", spec.name},
                      {"kind", kKindNames[static_cast<int>(spec.kind)]},
                      {"default", spec.default_value},
                      {"help", spec.help}};
  if (!spec.choices.empty()) j["choices"] = spec.choices;
  if (spec.kind == OptionKind::Integer || spec.kind == OptionKind::Real ||
      spec.kind == OptionKind::Bytes)
    j["range"] = {spec.min, spec.max};
  return j;
}

std::string allowed_text(const OptionSpec& spec) {
  switch (spec.kind) {
    case OptionKind::Choice: return fmt::format("{}", fmt::join(spec.choices, "|"));
    case OptionKind::Bytes:
      return fmt::format("{}..{}", format_bytes(static_cast<std::uint64_t>(spec.min)),
                         format_bytes(static_cast<std::uint64_t>(spec.max)));
    case OptionKind::Integer:
    case OptionKind::Real: return fmt::format("{}..{}", spec.min, spec.max);
    case OptionKind::Text: return "text";
  }
  return "";
}

struct SuiteEntry {
  std::string name;
  std::string description;
  std::size_t tests = 0;
  std::optional<double> seconds;  // estimated, of the tests with an estimate
  std::size_t unknown = 0;        // tests without one
  std::string error;
  std::filesystem::path path;
  bool user = false;
};

// A suite's time at the default run settings (estimate.h); a test whose
// options do not resolve counts as unknown (run says why).
void estimate_suite(const Registry& registry, const Suite& suite, const ResultFile* reference,
                    SuiteEntry& entry) {
  const int runs = least_runs(std::nullopt, true);
  for (const TestSpec& spec : suite.tests) {
    std::optional<double> seconds;
    if (const WorkloadEntry* workload = registry.find(spec.workload)) try {
        seconds = estimate_run(workload->info, resolve_options(workload->info, spec.options),
                               spec.name(), reference)
                      .run_seconds;
      } catch (const OptionError&) {
      }
    if (seconds) entry.seconds = entry.seconds.value_or(0) + runs * *seconds;
    entry.unknown += !seconds;
  }
}

std::optional<ResultFile> reference_or_none() {
  try {
    return load_reference("");
  } catch (const std::exception&) {
    return std::nullopt;  // `run` names the problem; a listing need not stop for it
  }
}

std::string estimate_text(const SuiteEntry& s) {
  if (!s.seconds) return "time unknown";
  return fmt::format("≈{}{}", format_duration(*s.seconds),
                     s.unknown ? fmt::format(" + {} unknown", s.unknown) : "");
}

std::vector<SuiteEntry> suites(const Registry& registry) {
  const std::optional<ResultFile> reference = reference_or_none();
  std::vector<SuiteEntry> entries;
  for (const ProfileFile& file : find_profiles(suite_dirs())) {
    SuiteEntry entry{.name = file.name,
                     .description = "",
                     .tests = 0,
                     .seconds = std::nullopt,
                     .unknown = 0,
                     .error = "",
                     .path = file.path,
                     .user = file.user};
    try {
      const Suite suite = load_suite(file.path);
      entry.description = suite.description;
      entry.tests = suite.tests.size();
      estimate_suite(registry, suite, reference ? &*reference : nullptr, entry);
    } catch (const std::exception& e) {
      entry.error = e.what();
    }
    entries.push_back(entry);
  }
  return entries;
}

}  // namespace

int list_verb(const Registry& registry, bool json) {
  if (json) {
    nlohmann::json workloads = nlohmann::json::array();
    for (const auto& entry : registry.entries()) {
      const WorkloadInfo& info = entry.info;
      nlohmann::json options = nlohmann::json::array();
      for (const auto& spec : info.options) options.push_back(option_json(spec));
      workloads.push_back({{"id", info.id},
                           {"title", info.title},
                           {"category", info.category},
                           {"unit", info.unit},
                           {"higher_is_better", info.direction() == Direction::HigherIsBetter},
                           {"verification", info.verification},
                           {"options", std::move(options)}});
    }
    nlohmann::json suite_list = nlohmann::json::array();
    for (const auto& s : suites(registry))
      suite_list.push_back({{"name", s.name},
                            {"description", s.description},
                            {"tests", s.tests},
                            {"estimated_seconds", s.seconds ? nlohmann::json(*s.seconds) : nullptr},
                            {"estimate_unknown_tests", s.unknown},
                            {"error", s.error},
                            {"path", s.path.string()},
                            {"user", s.user}});
    fmt::print("{}\n", nlohmann::json{{"workloads", workloads}, {"suites", suite_list}}.dump(2));
    return 0;
  }
  fmt::print("Workloads\n");
  for (const auto& entry : registry.entries()) {
    const WorkloadInfo& info = entry.info;
    fmt::print("\n  {}  {}\n    category {}, unit {}, {} is better\n    verifies: {}\n", info.id,
               info.title, info.category, info.unit,
               info.direction() == Direction::HigherIsBetter ? "higher" : "lower",
               info.verification);
    for (const auto& spec : info.options)
      fmt::print("    {}={} ({})  {}\n", spec.name, spec.default_value, allowed_text(spec),
                 spec.help);
  }
  fmt::print("\nSuites ({}; yours first)\n", describe_dirs(suite_dirs()));
  for (const auto& s : suites(registry))
    fmt::print("  {}{}  {}\n", s.name, s.user ? " (yours)" : "",
               s.error.empty()
                   ? fmt::format("{} tests, {}. {}", s.tests, estimate_text(s), s.description)
                   : "unreadable: " + s.error);
  return 0;
}

}  // namespace corebench
