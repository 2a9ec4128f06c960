// The promise of `corebench list`: every option value it allows runs and
// verifies, and every value outside is refused by the check planning makes
// (resolve_options) before anything runs. For every registered
// workload, each option is walked over the ends of its range and values
// between (a choice option over its choices), the others at a small baseline;
// a choice option is also crossed with the smallest value of every numeric
// option, where bounds derived for large sizes break first. A value the CI
// cannot afford in this build is a skipped case that says why.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "runner/exec/self_command.h"
#include "support/run_command.h"
#include "support/thread_count.h"
#include "workloads/registry.h"

namespace corebench {
namespace {

using Options = std::map<std::string, std::string>;

// The options the walk holds every other option at: small enough that a
// case takes well under a second natively. A workload not listed here is
// walked around its defaults.
const std::map<std::string, Options> kBaseline = {
    {"ramspeed", {{"size", "256KiB"}, {"passes", "4"}}},
    {"c-ray", {{"resolution", "32x18"}, {"rays", "1"}}},
    {"aobench", {{"size", "32"}, {"subsamples", "1"}, {"ao-samples", "2"}}},
    {"linpack", {{"n", "96"}, {"nb", "16"}}},
    {"cfd", {{"mesh", "8"}, {"dim", "2"}}},
    {"lulesh", {{"size", "4"}}},
    {"compile", {{"size", "small"}, {"flags", "-O0"}}},
    {"compress", {{"size", "1MiB"}, {"chunk", "64KiB"}}},
    {"sysbench", {{"max-prime", "1000"}, {"events", "10"}}},
    {"lzma", {{"dict", "22"}, {"size", "64KiB"}, {"passes", "1"}}},
    {"hmmer", {{"count", "2"}}},
};

// Values of text options to walk besides the default (the walk cannot
// invent text), and values that planning must refuse.
struct TextValues {
  const char* workload;
  const char* option;
  std::vector<std::string> allowed;
  std::vector<std::string> refused;
};
const std::vector<TextValues> kTextValues = {
    {"c-ray",
     "resolution",
     {"1x1", "16x9", "48x27", "7x300", "16384x1"},
     {"0x9", "16x", "4k2", "16385x9"}},
};

enum class Build { Any, Sanitized, Emulated };

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
  return __has_feature(address_sanitizer);
#else
  return false;
#endif
}

// The CI runs the tests natively, under ASan+UBSan (about 3x slower) and
// under qemu-aarch64 (10-50x slower), on two cores.
bool applies(Build build) {
  switch (build) {
    case Build::Any: return true;
    case Build::Sanitized: return sanitized();
    case Build::Emulated: return !emulator_command().empty();
  }
  return false;
}

// A value above `largest` (or "auto", where `with_auto`) is not walked in
// that build, for the reason given.
struct Cost {
  const char* workload;
  const char* option;
  double largest;
  bool with_auto;
  Build build;
  const char* reason;
};
// As `largest`: every value is above it.
constexpr double kEveryValue = -std::numeric_limits<double>::infinity();
constexpr const char* kNativeCompiler =
    "the host's compiler does the same work in every build (a build is 7-20 s); the native "
    "walk covers seed and jobs, this build the workload's own code at its baseline";
const std::vector<Cost> kCosts = {
    {"ramspeed", "size", 64 << 20, true, Build::Any,
     "arrays above 64 MiB (auto: 512 MiB or more) take seconds to touch and check"},
    {"ramspeed", "passes", 4096, true, Build::Any,
     "a million passes (auto: 4 GiB moved) are seconds of streaming"},
    {"ramspeed", "passes", 64, true, Build::Emulated, "emulated streaming is ~30x slower"},
    {"c-ray", "rays", 256, false, Build::Any, "4096 rays per pixel: seconds even at 32x18"},
    {"c-ray", "rays", 16, false, Build::Emulated, "emulated tracing is ~30x slower"},
    {"aobench", "size", 512, false, Build::Any, "a 16384x16384 picture is minutes of rendering"},
    {"aobench", "size", 128, false, Build::Emulated, "emulated rendering is ~30x slower"},
    {"aobench", "subsamples", 8, false, Build::Emulated, "emulated rendering is ~30x slower"},
    {"aobench", "ao-samples", 16, false, Build::Emulated, "emulated rendering is ~30x slower"},
    {"linpack", "n", 1500, true, Build::Any,
     "n=200000 needs 300 GiB; auto sizes n from the memory (minutes)"},
    {"linpack", "n", 400, true, Build::Emulated, "emulated factorisation is ~30x slower"},
    {"cfd", "mesh", 64, false, Build::Any,
     "above 64 cells per edge SIMPLE needs thousands of iterations (minutes)"},
    {"cfd", "mesh", 24, false, Build::Emulated, "emulated SIMPLE is ~30x slower"},
    {"cfd", "iterations", 1000, false, Build::Any, "100000 outer iterations are minutes"},
    {"lulesh", "size", 16, false, Build::Any,
     "above 16 elements per edge a run to the stop time takes seconds to hours"},
    {"lulesh", "size", 8, false, Build::Emulated, "emulated hydrodynamics is ~30x slower"},
    {"lulesh", "cost", 100, false, Build::Emulated, "emulated hydrodynamics is ~30x slower"},
    {"compress", "size", 16 << 20, false, Build::Any,
     "corpora above 16 MiB take seconds to generate and compress"},
    {"compress", "size", 1 << 20, false, Build::Emulated, "emulated zlib is ~30x slower"},
    {"sysbench", "max-prime", 100000, false, Build::Any,
     "an event up to 10^7 is ~10^10 divisions (seconds each)"},
    {"sysbench", "max-prime", 10000, false, Build::Emulated, "emulated division is ~30x slower"},
    {"sysbench", "events", 10000, true, Build::Any,
     "10^8 events are hours; auto is ~10 s per thread by design"},
    {"sysbench", "events", 1000, true, Build::Emulated, "emulated division is ~30x slower"},
    {"lzma", "size", 512 << 10, true, Build::Any,
     "LZMA level 5 compresses about 1 MB/s here: 2 MiB and up (auto: 32 MiB) are seconds"},
    {"lzma", "size", 256 << 10, true, Build::Emulated, "emulated LZMA is ~30x slower"},
    {"lzma", "passes", 32, true, Build::Any,
     "a thousand passes and up are minutes; auto is 7-Zip's rule for seconds of work"},
    {"lzma", "passes", 2, true, Build::Sanitized, "LZMA under ASan is ~5x slower"},
    {"lzma", "passes", 2, true, Build::Emulated, "emulated LZMA is ~30x slower"},
    {"hmmer", "count", 16, false, Build::Any,
     "each model is ~10 ms of calibration and search: 20000 models are minutes"},
    {"hmmer", "count", 2, false, Build::Emulated, "emulated filters are ~30x slower"},
    {"compile", "seed", kEveryValue, false, Build::Sanitized, kNativeCompiler},
    {"compile", "seed", kEveryValue, false, Build::Emulated, kNativeCompiler},
    {"compile", "jobs", kEveryValue, true, Build::Sanitized, kNativeCompiler},
    {"compile", "jobs", kEveryValue, true, Build::Emulated, kNativeCompiler},
};

// Choices not walked in that build, for the reason given.
struct CostlyChoice {
  const char* workload;
  const char* option;
  const char* value;
  Build build;
  const char* reason;
};
const std::vector<CostlyChoice> kCostlyChoices = {
    {"compile", "size", "medium", Build::Any, "about 2 minutes of compiler time"},
    {"compile", "size", "large", Build::Any, "about 8 minutes of compiler time"},
    {"compile", "flags", "-O2", Build::Any,
     "the baseline's -O0 builds the same project in 2/3 of the time"},
    {"c-ray", "resolution", "1080p", Build::Any,
     "9 s of tracing even at one ray; 16384x1 and 48x27 cover long sides and 16:9"},
};

// Options walked at the ends of their range only (and auto), for the
// reason given: every case of the workload is costly, whatever the value.
struct EndsOnly {
  const char* workload;
  const char* option;
  const char* reason;
};
const std::vector<EndsOnly> kEndsOnly = {
    {"compile", "seed", "each build of the small project is ~7 s of compiler time"},
    {"compile", "jobs", "each build of the small project is ~7 s of compiler time"},
};

struct WalkCase {
  std::string name;
  std::string workload;
  Options options;
  std::string skip;  // why this build does not run it; empty: it runs
};

std::string test_name(const std::string& workload, const Options& varied) {
  std::string name = workload;
  for (const auto& [option, value] : varied) name += "_" + option + "_" + value;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

bool is_numeric(const OptionSpec& spec) {
  return spec.kind == OptionKind::Integer || spec.kind == OptionKind::Real ||
         spec.kind == OptionKind::Bytes;
}

std::string number_text(const OptionSpec& spec, double value) {
  if (spec.kind == OptionKind::Real) return fmt::format("{}", value);
  return fmt::format("{}", static_cast<std::uint64_t>(std::llround(value)));
}

bool strictly_between(const OptionSpec& spec, const std::string& value) {
  return is_numeric(spec) && value != "auto" && value != number_text(spec, spec.min) &&
         value != number_text(spec, spec.max);
}

std::string skip_reason(const WorkloadInfo& info, const Options& varied) {
  const std::string& workload = info.id;
  for (const EndsOnly& ends : kEndsOnly) {
    const auto it = varied.find(ends.option);
    if (ends.workload != workload || it == varied.end()) continue;
    for (const OptionSpec& spec : info.options)
      if (spec.name == ends.option && strictly_between(spec, it->second))
        return fmt::format("{}={}: between the ends; {}", ends.option, it->second, ends.reason);
  }
  for (const CostlyChoice& costly : kCostlyChoices) {
    const auto it = varied.find(costly.option);
    if (costly.workload == workload && applies(costly.build) && it != varied.end() &&
        it->second == costly.value)
      return fmt::format("{}={}: {}", costly.option, it->second, costly.reason);
  }
  for (const Cost& cost : kCosts) {
    if (cost.workload != workload || !applies(cost.build)) continue;
    const auto it = varied.find(cost.option);
    if (it == varied.end()) continue;
    const bool too_big =
        it->second == "auto" ? cost.with_auto : std::stod(it->second) > cost.largest;
    if (too_big) return fmt::format("{}={}: {}", cost.option, it->second, cost.reason);
  }
  return "";
}

// The range's ends and three values between, spaced evenly in log x (in
// log(1 + x - min) for a range from 0 or below), so that ranges spanning
// decades get values in each.
std::vector<std::string> numeric_values(const OptionSpec& spec) {
  std::vector<std::string> values;
  const auto add = [&](const std::string& v) {
    if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
  };
  add(number_text(spec, spec.min));
  for (const double t : {0.25, 0.5, 0.75})
    add(number_text(spec, spec.min > 0 ? spec.min * std::pow(spec.max / spec.min, t)
                                       : spec.min + std::pow(spec.max - spec.min + 1, t) - 1));
  add(number_text(spec, spec.max));
  if (spec.default_value == "auto") add("auto");
  return values;
}

std::vector<std::string> text_values(const std::string& workload, const OptionSpec& spec) {
  std::vector<std::string> values = {spec.default_value};
  for (const TextValues& t : kTextValues)
    if (t.workload == workload && t.option == spec.name)
      values.insert(values.end(), t.allowed.begin(), t.allowed.end());
  return values;
}

std::vector<std::string> walked_values(const std::string& workload, const OptionSpec& spec) {
  if (spec.kind == OptionKind::Choice) return spec.choices;
  if (is_numeric(spec)) return numeric_values(spec);
  return text_values(workload, spec);
}

void add_case(std::vector<WalkCase>& cases, const WorkloadInfo& info, const Options& varied) {
  // Defaults spelled out, so that a case equal to another is walked once.
  Options options;
  for (const OptionSpec& spec : info.options) options[spec.name] = spec.default_value;
  if (const auto it = kBaseline.find(info.id); it != kBaseline.end())
    for (const auto& [option, value] : it->second) options[option] = value;
  for (const auto& [option, value] : varied) options[option] = value;
  for (const WalkCase& c : cases)
    if (c.workload == info.id && c.options == options) return;
  cases.push_back({test_name(info.id, varied), info.id, options, skip_reason(info, varied)});
}

std::vector<WalkCase> walk_cases() {
  std::vector<WalkCase> cases;
  for (const WorkloadEntry& entry : builtin_registry().entries()) {
    const WorkloadInfo& info = entry.info;
    for (const OptionSpec& spec : info.options)
      for (const std::string& value : walked_values(info.id, spec))
        add_case(cases, info, {{spec.name, value}});
    for (const OptionSpec& choice : info.options) {
      if (choice.kind != OptionKind::Choice) continue;
      for (const OptionSpec& spec : info.options)
        if (is_numeric(spec))
          for (const std::string& value : choice.choices)
            add_case(cases, info, {{choice.name, value}, {spec.name, number_text(spec, spec.min)}});
    }
  }
  return cases;
}

RunConfig run_config(int threads) {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  RunConfig config;
  config.threads = threads;
  config.memory_bytes = pages > 0 && page > 0 ? std::uint64_t(pages) * std::uint64_t(page) : 0;
  return config;
}

// ctest shows each case by its name, not its bytes.
void PrintTo(const WalkCase& walk, std::ostream* out) {
  *out << walk.name;
}

class OptionWalk : public ::testing::TestWithParam<WalkCase> {};

TEST_P(OptionWalk, RunsToOk) {
  const WalkCase& walk = GetParam();
  if (!walk.skip.empty()) GTEST_SKIP() << walk.skip;
  const WorkloadEntry* entry = builtin_registry().find(walk.workload);
  ASSERT_NE(entry, nullptr);
  try {
    OptionValues::resolve(entry->info.options, walk.options);
  } catch (const OptionError& e) {
    FAIL() << "inside the range list shows, yet refused: " << e.what();
  }
  OptionValues values;
  try {
    values = resolve_options(entry->info, walk.options);
  } catch (const OptionError& e) {
    // Values that cannot work together are refused when planning: an
    // outcome the promise allows, in one line.
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
    RecordProperty("refused", e.what());
    return;
  }
  const int threads = 2;
  const ThreadCount scope(threads);
  const auto workload = entry->make();
  try {
    workload->setup(values, run_config(threads));
  } catch (const std::exception& e) {
    FAIL() << "inside the range list shows, yet setup failed: " << e.what();
  }
  workload->prepare();
  workload->run();
  const Verdict verdict = workload->verify();
  EXPECT_TRUE(verdict.ok) << verdict.detail;
}

INSTANTIATE_TEST_SUITE_P(EveryWorkload, OptionWalk, ::testing::ValuesIn(walk_cases()),
                         [](const auto& info) { return info.param.name; });

// Just outside every range, and text the workload could not use.
std::vector<std::string> refused_values(const std::string& workload, const OptionSpec& spec) {
  switch (spec.kind) {
    case OptionKind::Choice: return {"no-such-" + spec.name};
    case OptionKind::Integer:
      return {number_text(spec, spec.min - 1), number_text(spec, spec.max + 1)};
    case OptionKind::Real:
      return {fmt::format("{}", std::nextafter(spec.min, -std::numeric_limits<double>::infinity())),
              fmt::format("{}", std::nextafter(spec.max, std::numeric_limits<double>::infinity()))};
    case OptionKind::Bytes:
      return {fmt::format("{}", static_cast<std::uint64_t>(spec.min) - 1),
              fmt::format("{}", static_cast<std::uint64_t>(spec.max) + 1)};
    case OptionKind::Text: {
      std::vector<std::string> values = {""};
      for (const TextValues& t : kTextValues)
        if (t.workload == workload && t.option == spec.name)
          values.insert(values.end(), t.refused.begin(), t.refused.end());
      return values;
    }
  }
  return {};
}

TEST(OptionRanges, ValuesOutsideEveryRangeAreRefusedWhenPlanning) {
  for (const WorkloadEntry& entry : builtin_registry().entries())
    for (const OptionSpec& spec : entry.info.options)
      for (const std::string& value : refused_values(entry.info.id, spec))
        EXPECT_THROW(resolve_options(entry.info, {{spec.name, value}}), OptionError)
            << entry.info.id << ":" << spec.name << "=" << value;
}

// What a user sees for a value just below a range: one line (after the
// warning a machine with topology problems prints first), an input-error
// exit status, and no result file, since planning stops before any test.
TEST(OptionRanges, RunRefusesBelowTheRangeBeforeRunningAnything) {
  const auto dir = std::filesystem::path(::testing::TempDir()) /
                   ("corebench-ranges-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto output = dir / "results.json";
  for (const WorkloadEntry& entry : builtin_registry().entries()) {
    const auto& options = entry.info.options;
    const auto spec = std::find_if(options.begin(), options.end(), is_numeric);
    if (spec == options.end()) continue;
    const std::string test =
        fmt::format("{}:{}={}", entry.info.id, spec->name, refused_values(entry.info.id, *spec)[0]);
    const auto result = testing::run_command(
        {COREBENCH_BIN, "run", test, "--runs", "1", "--output", output.string()});
    std::string error = result.err;
    if (error.rfind("corebench: warning: topology detection had ", 0) == 0)
      error = error.substr(error.find('\n') + 1);
    EXPECT_EQ(result.exit_code, 2) << test << ": " << result.err;
    EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1) << test << ": " << result.err;
    EXPECT_EQ(error.rfind("corebench: error: ", 0), 0u) << test << ": " << result.err;
    EXPECT_NE(error.find("out of range"), std::string::npos) << test << ": " << result.err;
    EXPECT_FALSE(std::filesystem::exists(output)) << test;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace corebench
