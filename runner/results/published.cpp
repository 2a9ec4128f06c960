#include "runner/results/published.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "runner/common/error.h"
#include "runner/common/paths.h"
#include "runner/common/toml_check.h"

namespace corebench {
namespace {

using std::filesystem::path;

std::string required_string(const path& file, const toml::table& table, const std::string& key,
                            const std::string& prefix, const toml::node& where) {
  std::optional<std::string> value = toml_string(file, table, key, prefix);
  if (!value || value->empty()) toml_fail(file, where, prefix + key, "missing or empty");
  return *value;
}

double positive_number(const path& file, const toml::node& node, const std::string& key) {
  const std::optional<double> value = node.value<double>();
  if (!node.is_number() || !value || !(*value > 0) || *value > 1e6)
    toml_fail(file, node, key, "must be a positive number");
  return *value;
}

PublishedFigure read_figure(const path& file, const toml::node& node, const std::string& key) {
  if (const toml::array* range = node.as_array()) {
    if (range->size() != 2) toml_fail(file, node, key, "a range is [low, high]");
    const PublishedFigure figure{.low = positive_number(file, *range->get(0), key),
                                 .high = positive_number(file, *range->get(1), key)};
    if (figure.low > figure.high) toml_fail(file, node, key, "a range is [low, high], low first");
    return figure;
  }
  const double value = positive_number(file, node, key);
  return {.low = value, .high = value};
}

std::vector<PublishedMachine> read_machines(const path& file, const toml::table& root) {
  const toml::array* machines = root["machine"].as_array();
  if (!machines || machines->empty())
    throw Error(fmt::format("{}: no [[machine]] entries", file.string()));
  std::vector<PublishedMachine> result;
  std::set<std::string> seen;
  for (const toml::node& node : *machines) {
    const toml::table* table = node.as_table();
    if (!table) toml_fail(file, node, "machine", "each [[machine]] must be a table");
    check_toml_keys(file, *table, {"name", "system"}, "machine.");
    PublishedMachine machine{.name = required_string(file, *table, "name", "machine.", node),
                             .system = required_string(file, *table, "system", "machine.", node)};
    if (!seen.insert(machine.name).second)
      toml_fail(file, node, "machine.name", "'" + machine.name + "' is named twice");
    result.push_back(machine);
  }
  return result;
}

Direction read_direction(const path& file, const toml::table& table, const toml::node& where) {
  const std::string direction = required_string(file, table, "direction", "result.", where);
  if (direction == "lower") return Direction::LowerIsBetter;
  if (direction == "higher") return Direction::HigherIsBetter;
  toml_fail(file, *table.get("direction"), "result.direction", "must be \"lower\" or \"higher\"");
}

std::map<std::string, PublishedFigure> read_figures(const path& file, const toml::table& result,
                                                    const PublishedReview& review,
                                                    const toml::node& where) {
  const toml::table* figures = toml_table(file, result, "figures", "result.");
  if (!figures || figures->empty()) toml_fail(file, where, "result.figures", "missing or empty");
  std::map<std::string, PublishedFigure> by_machine;
  for (const auto& [key, value] : *figures) {
    const std::string machine(key.str());
    const std::string name = "result.figures." + machine;
    if (!review.has_machine(machine))
      toml_fail(file, value, name,
                fmt::format("not a [[machine]] (machines: {})", review.machine_names()));
    by_machine[machine] = read_figure(file, value, name);
  }
  // The other figures are relative to it.
  if (const auto reference = by_machine.find(review.reference);
      reference != by_machine.end() && (reference->second.low != 1 || reference->second.high != 1))
    toml_fail(file, *figures->get(review.reference), "result.figures." + review.reference,
              "the reference machine's figure must be 1.0");
  return by_machine;
}

PublishedResult read_result(const path& file, const toml::node& node,
                            const PublishedReview& review) {
  const toml::table* table = node.as_table();
  if (!table) toml_fail(file, node, "result", "each [[result]] must be a table");
  check_toml_keys(file, *table,
                  {"name", "where", "direction", "tests", "missing", "note", "figures"}, "result.");
  PublishedResult result{.name = required_string(file, *table, "name", "result.", node),
                         .where = required_string(file, *table, "where", "result.", node),
                         .direction = read_direction(file, *table, node),
                         .tests = toml_strings(file, *table, "tests", "result."),
                         .missing = toml_string(file, *table, "missing", "result.").value_or(""),
                         .note = toml_string(file, *table, "note", "result.").value_or(""),
                         .figures = read_figures(file, *table, review, node)};
  if (!table->get("tests"))
    toml_fail(file, node, "result.tests", "missing (empty: [] and missing)");
  if (result.tests.empty() == result.missing.empty())
    toml_fail(file, node, "result.missing",
              result.tests.empty() ? "an empty tests list needs missing = \"why\""
                                   : "only for a result without tests");
  return result;
}

}  // namespace

const PublishedResult* PublishedReview::result_of(const std::string& test) const {
  for (const PublishedResult& result : results)
    if (std::find(result.tests.begin(), result.tests.end(), test) != result.tests.end())
      return &result;
  return nullptr;
}

bool PublishedReview::has_machine(const std::string& machine) const {
  return std::any_of(machines.begin(), machines.end(),
                     [&](const PublishedMachine& m) { return m.name == machine; });
}

std::string PublishedReview::machine_names() const {
  std::vector<std::string> names;
  for (const PublishedMachine& machine : machines) names.push_back(machine.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

PublishedReview load_published(const path& file) {
  const toml::table root = parse_toml_file(file);
  check_toml_keys(file, root, {"title", "suite", "reference", "machine", "result"});
  PublishedReview review;
  review.name = file.stem().string();
  review.title = required_string(file, root, "title", "", root);
  review.suite = required_string(file, root, "suite", "", root);
  review.reference = required_string(file, root, "reference", "", root);
  review.machines = read_machines(file, root);
  if (!review.has_machine(review.reference))
    toml_fail(file, *root.get("reference"), "reference",
              fmt::format("not a [[machine]] (machines: {})", review.machine_names()));
  const toml::array* results = root["result"].as_array();
  if (!results || results->empty())
    throw Error(fmt::format("{}: no [[result]] entries", file.string()));
  std::set<std::string> tests;
  for (const toml::node& node : *results) {
    review.results.push_back(read_result(file, node, review));
    for (const std::string& test : review.results.back().tests)
      if (!tests.insert(test).second)
        toml_fail(file, node, "result.tests", "'" + test + "' belongs to two results");
  }
  return review;
}

std::vector<std::string> published_names() {
  std::vector<std::string> names;
  for (const ProfileFile& file : find_profiles({{.path = published_dir(), .user = false}}))
    names.push_back(file.name);
  return names;
}

PublishedReview find_published(const std::string& name) {
  const path file = published_dir() / (name + ".toml");
  std::error_code error;
  if (name.find('/') != std::string::npos || !std::filesystem::is_regular_file(file, error))
    throw Error(fmt::format("--published: no review '{}' in {} (reviews: {})", name,
                            published_dir().string(), fmt::join(published_names(), ", ")));
  return load_published(file);
}

}  // namespace corebench
