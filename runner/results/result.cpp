#include "runner/results/result.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "runner/common/error.h"

namespace corebench {
namespace {

constexpr const char* kStatusNames[] = {"ok",      "failed",      "wrong-answer", "timeout",
                                        "skipped", "interrupted", "running"};

Status status_from_string(const std::string& text) {
  for (int i = 0; i < static_cast<int>(std::size(kStatusNames)); ++i)
    if (text == kStatusNames[i]) return static_cast<Status>(i);
  throw Error(fmt::format("unknown test status '{}'", text));
}

nlohmann::json to_json(const Summary& s) {
  return {{"n", s.n},   {"mean", s.mean}, {"median", s.median}, {"sd", s.sd},        {"rsd", s.rsd},
          {"se", s.se}, {"min", s.min},   {"max", s.max},       {"noisy", s.noisy()}};
}

nlohmann::json to_json(const CopyRun& c) {
  return {{"copy", c.copy},       {"cpus", c.cpus},   {"core_type", c.core_type},
          {"seconds", c.seconds}, {"value", c.value}, {"verified", c.verified},
          {"detail", c.detail},   {"facts", c.facts}, {"thread_cpus", c.observed_cpus},
          {"strayed", c.strayed}};
}

CopyRun copy_run_from_json(const nlohmann::json& j) {
  return {.copy = j.at("copy").get<int>(),
          .cpus = j.at("cpus").get<std::string>(),
          .core_type = j.value("core_type", ""),
          .seconds = j.at("seconds").get<double>(),
          .value = j.at("value").get<double>(),
          .verified = j.at("verified").get<bool>(),
          .detail = j.value("detail", ""),
          .facts = j.value("facts", std::map<std::string, double>{}),
          .observed_cpus = j.value("thread_cpus", std::vector<std::string>{}),
          .strayed = j.value("strayed", false)};
}

nlohmann::json to_json(const CopiesInfo& c) {
  if (c.count == 0) return nullptr;
  return {{"count", c.count},
          {"spec", c.spec},
          {"unit", c.unit},
          {"higher_is_better", c.direction == Direction::HigherIsBetter}};
}

CopiesInfo copies_info_from_json(const nlohmann::json& j) {
  if (j.is_null()) return {};
  return {.count = j.at("count").get<int>(),
          .spec = j.at("spec").get<std::string>(),
          .unit = j.at("unit").get<std::string>(),
          .direction = j.at("higher_is_better").get<bool>() ? Direction::HigherIsBetter
                                                            : Direction::LowerIsBetter};
}

nlohmann::json to_json(const TestResult& t) {
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& run : t.runs) runs.push_back(to_json(run));
  return {
      {"name", t.name},
      {"workload", t.workload},
      {"options", t.options},
      {"cpus_spec", t.cpus_spec},
      {"cpus", t.cpus},
      {"threads", t.threads},
      {"placement", t.placement},
      {"schedule", t.schedule},
      {"unit", t.unit},
      {"higher_is_better", t.direction == Direction::HigherIsBetter},
      {"status", to_string(t.status)},
      {"error", t.error},
      {"copies", to_json(t.copies)},
      {"summary", to_json(t.summary)},
      {"start_load", to_json(t.start_load)},
      {"telemetry", t.telemetry.runs == 0 && t.telemetry.problems.empty() ? nlohmann::json(nullptr)
                                                                          : to_json(t.telemetry)},
      {"runs", std::move(runs)}};
}

TestResult test_from_json(const nlohmann::json& j) {
  TestResult t;
  t.name = j.at("name").get<std::string>();
  t.workload = j.at("workload").get<std::string>();
  t.options = j.at("options").get<std::map<std::string, std::string>>();
  t.cpus_spec = j.value("cpus_spec", "");
  t.cpus = j.value("cpus", "");
  t.threads = j.value("threads", 0);
  t.placement = j.value("placement", "");
  t.schedule = j.value("schedule", "");
  t.unit = j.at("unit").get<std::string>();
  t.direction =
      j.at("higher_is_better").get<bool>() ? Direction::HigherIsBetter : Direction::LowerIsBetter;
  t.status = status_from_string(j.at("status").get<std::string>());
  t.error = j.value("error", "");
  t.copies = copies_info_from_json(j.value("copies", nlohmann::json()));
  t.start_load = machine_load_from_json(j.value("start_load", nlohmann::json()));
  for (const auto& run : j.at("runs")) t.runs.push_back(run_record_from_json(run));
  const nlohmann::json telemetry = j.value("telemetry", nlohmann::json());
  if (telemetry.is_object())
    t.telemetry.problems = telemetry.value("problems", std::vector<std::string>{});
  t.refresh_derived();
  return t;
}

nlohmann::json to_json(const PlannedTestRecord& t) {
  return {{"name", t.name},
          {"workload", t.workload},
          {"options", t.options},
          {"cpus", t.cpus},
          {"threads", t.threads},
          {"copies", t.copies},
          {"resolved_cpus", t.resolved_cpus},
          {"resolved_threads", t.resolved_threads}};
}

PlannedTestRecord planned_test_from_json(const nlohmann::json& j) {
  return {.name = j.at("name").get<std::string>(),
          .workload = j.at("workload").get<std::string>(),
          .options = j.at("options").get<std::map<std::string, std::string>>(),
          .cpus = j.at("cpus").get<std::string>(),
          .threads = j.at("threads").get<std::string>(),
          .copies = j.value("copies", ""),
          .resolved_cpus = j.at("resolved_cpus").get<std::string>(),
          .resolved_threads = j.at("resolved_threads").get<int>()};
}

nlohmann::json to_json(const SessionRecord& s) {
  nlohmann::json tests = nlohmann::json::array();
  for (const auto& test : s.tests) tests.push_back(to_json(test));
  return {{"started", s.started},     {"profile", s.profile},
          {"placement", s.placement}, {"runs", s.runs ? nlohmann::json(*s.runs) : nlohmann::json()},
          {"budget", s.budget},       {"warmup", s.warmup},
          {"timeout", s.timeout},     {"telemetry", s.telemetry},
          {"tests", std::move(tests)}};
}

SessionRecord session_from_json(const nlohmann::json& j) {
  SessionRecord s;
  s.started = j.value("started", "");
  s.profile = j.at("profile").get<std::string>();
  s.placement = j.at("placement").get<std::string>();
  if (!j.at("runs").is_null()) s.runs = j.at("runs").get<int>();
  s.budget = j.at("budget").get<double>();
  s.warmup = j.at("warmup").get<bool>();
  s.timeout = j.at("timeout").get<double>();
  s.telemetry = j.value("telemetry", true);
  for (const auto& test : j.at("tests")) s.tests.push_back(planned_test_from_json(test));
  return s;
}

std::string system_error(const std::string& what, const std::filesystem::path& path) {
  return fmt::format("{} '{}': {}", what, path.string(), std::strerror(errno));
}

}  // namespace

nlohmann::json to_json(const RunRecord& r) {
  nlohmann::json j = {{"warmup", r.warmup},
                      {"seconds", r.seconds},
                      {"value", r.value},
                      {"verified", r.verified},
                      {"detail", r.detail},
                      {"facts", r.facts},
                      {"thread_cpus", r.observed_cpus},
                      {"strayed", r.strayed},
                      {"telemetry", to_json(r.telemetry)}};
  for (const auto& copy : r.copies) j["copies"].push_back(to_json(copy));
  return j;
}

RunRecord run_record_from_json(const nlohmann::json& j) {
  RunRecord r;
  r.warmup = j.at("warmup").get<bool>();
  r.seconds = j.at("seconds").get<double>();
  r.value = j.at("value").get<double>();
  r.verified = j.at("verified").get<bool>();
  r.detail = j.value("detail", "");
  r.facts = j.value("facts", std::map<std::string, double>{});
  r.observed_cpus = j.value("thread_cpus", std::vector<std::string>{});
  r.strayed = j.value("strayed", false);
  r.telemetry = run_telemetry_from_json(j.value("telemetry", nlohmann::json()));
  for (const auto& copy : j.value("copies", nlohmann::json::array()))
    r.copies.push_back(copy_run_from_json(copy));
  return r;
}

std::string to_string(Status status) {
  return kStatusNames[static_cast<int>(status)];
}

std::vector<double> TestResult::samples() const {
  std::vector<double> values;
  for (const auto& run : runs)
    if (!run.warmup && run.verified) values.push_back(run.value);
  return values;
}

void TestResult::refresh_derived() {
  summary = summarize(samples());
  mark_throttled(runs);
  telemetry = summarize_telemetry(runs, std::move(telemetry.problems));
}

const TestResult* ResultFile::find(const std::string& test_name) const {
  for (const auto& test : tests)
    if (test.name == test_name) return &test;
  return nullptr;
}

nlohmann::json to_json(const ResultFile& result) {
  nlohmann::json tests = nlohmann::json::array();
  for (const auto& test : result.tests) tests.push_back(to_json(test));
  nlohmann::json sessions = nlohmann::json::array();
  for (const auto& session : result.sessions) sessions.push_back(to_json(session));
  return {{"schema_version", result.schema_version},
          {"corebench_version", result.corebench_version},
          {"label", result.label},
          {"created", result.created},
          {"system", to_json(result.system)},
          {"topology", result.topology},
          {"tests", std::move(tests)},
          {"sessions", std::move(sessions)}};
}

ResultFile result_file_from_json(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("schema_version"))
    throw Error("not a corebench result file (no schema_version)");
  ResultFile result;
  try {
    result.schema_version = j.at("schema_version").get<int>();
    if (result.schema_version < kOldestReadableSchemaVersion ||
        result.schema_version > kResultSchemaVersion)
      throw Error(fmt::format("schema version {} is not supported (this corebench reads {} to {})",
                              result.schema_version, kOldestReadableSchemaVersion,
                              kResultSchemaVersion));
    result.corebench_version = j.value("corebench_version", "");
    result.label = j.value("label", "");
    result.created = j.value("created", "");
    result.system = system_info_from_json(j.value("system", nlohmann::json::object()));
    result.topology = j.value("topology", nlohmann::json());
    for (const auto& test : j.at("tests")) result.tests.push_back(test_from_json(test));
    for (const auto& session : j.value("sessions", nlohmann::json::array()))
      result.sessions.push_back(session_from_json(session));
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("malformed result file ({})", e.what()));
  }
  return result;
}

ResultFile read_result_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(system_error("cannot read result file", file));
  try {
    return result_file_from_json(nlohmann::json::parse(in));
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(fmt::format("{}: not valid JSON (byte {})", file.string(), e.byte));
  } catch (const nlohmann::json::out_of_range&) {
    // The parser's one other refusal: a number beyond what a double holds
    // (found by fuzzing; tests/fuzz/regressions/result_file).
    throw Error(fmt::format("{}: not valid JSON (a number out of range)", file.string()));
  } catch (const Error& e) {
    throw Error(fmt::format("{}: {}", file.string(), e.what()));
  }
}

namespace {

// Writes all of `text` to a new file `temp` and syncs it; "" or why not.
std::string write_synced(const std::filesystem::path& temp, const std::string& text) {
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return std::strerror(errno);
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  // A short write with no errno set is a full device on some filesystems.
  std::string problem = done < text.size() ? std::strerror(errno ? errno : ENOSPC) : "";
  if (problem.empty() && ::fsync(fd) != 0) problem = std::strerror(errno);
  if (::close(fd) != 0 && problem.empty()) problem = std::strerror(errno);
  return problem;
}

}  // namespace

void write_result_file(const std::filesystem::path& file, const ResultFile& result) {
  const std::string text = to_json(result).dump(2) + "\n";
  std::filesystem::path dir = file.parent_path();
  if (dir.empty()) dir = ".";
  // The temporary file is in the same directory, so the rename is atomic.
  const std::filesystem::path temp =
      dir / fmt::format(".{}.{}.tmp", file.filename().string(), getpid());
  ::unlink(temp.c_str());  // left by a writer of this pid that was killed
  errno = 0;
  std::string problem = write_synced(temp, text);
  if (problem.empty() && ::rename(temp.c_str(), file.c_str()) != 0) problem = std::strerror(errno);
  if (!problem.empty()) {
    ::unlink(temp.c_str());
    throw Error(fmt::format("cannot write result file '{}': {}", file.string(), problem));
  }
  // Make the rename itself durable.
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace corebench
