#include "runner/plan/suite.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>

#include "runner/common/error.h"
#include "runner/common/toml_check.h"

namespace corebench {
namespace {

std::string text_of(const std::filesystem::path& file, const toml::node& node,
                    const std::string& key) {
  if (auto s = node.value<std::string>()) return *s;
  if (node.is_integer() || node.is_floating_point())
    return fmt::format("{}", *node.value<double>());
  toml_fail(file, node, key, "must be a string or a number");
}

std::string integer_or_text(const std::filesystem::path& file, const toml::node& node,
                            const std::string& key) {
  if (auto i = node.value_exact<std::int64_t>()) return std::to_string(*i);
  if (auto s = node.value_exact<std::string>()) return *s;
  toml_fail(file, node, key, "must be a whole number or a string");
}

TestSpec read_test(const std::filesystem::path& file, const toml::node& node) {
  const toml::table* table = node.as_table();
  if (!table) toml_fail(file, node, "test", "each [[test]] must be a table");
  check_toml_keys(file, *table, {"workload", "options", "cpus", "threads", "copies"});
  TestSpec spec;
  const toml::node* workload = table->get("workload");
  if (!workload || !workload->is_string())
    toml_fail(file, node, "workload", "missing or not a string");
  spec.workload = *workload->value<std::string>();
  if (const toml::node* options = table->get("options")) {
    const toml::table* opts = options->as_table();
    if (!opts) toml_fail(file, *options, "options", "must be a table of name = value");
    for (const auto& [key, value] : *opts)
      spec.options[std::string(key.str())] = text_of(file, value, std::string(key.str()));
  }
  if (const toml::node* cpus = table->get("cpus")) spec.cpus = integer_or_text(file, *cpus, "cpus");
  if (const toml::node* threads = table->get("threads"))
    spec.threads = integer_or_text(file, *threads, "threads");
  if (const toml::node* copies = table->get("copies"))
    spec.copies = integer_or_text(file, *copies, "copies");
  return spec;
}

}  // namespace

Suite load_suite(const std::filesystem::path& file) {
  const toml::table root = parse_toml_file(file);
  check_toml_keys(file, root, {"description", "test"});
  Suite suite;
  suite.name = file.stem().string();
  suite.description = root["description"].value_or(std::string());
  const toml::array* tests = root["test"].as_array();
  if (!tests || tests->empty()) throw Error(fmt::format("{}: no [[test]] entries", file.string()));
  for (const toml::node& node : *tests) suite.tests.push_back(read_test(file, node));
  return suite;
}

std::vector<std::string> suite_names(const std::vector<ProfileFile>& suites) {
  std::vector<std::string> names;
  for (const ProfileFile& suite : suites) names.push_back(suite.name);
  return names;
}

}  // namespace corebench
