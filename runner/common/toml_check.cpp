#include "runner/common/toml_check.h"

#include <fmt/format.h>

#include "runner/common/error.h"

namespace corebench {

toml::table parse_toml_file(const std::filesystem::path& file) {
  try {
    return toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw Error(fmt::format("{}:{}: {}", file.string(), e.source().begin.line, e.description()));
  }
}

void toml_fail(const std::filesystem::path& file, const toml::node& node, const std::string& key,
               const std::string& what) {
  throw Error(fmt::format("{}:{}: '{}': {}", file.string(), node.source().begin.line, key, what));
}

void check_toml_keys(const std::filesystem::path& file, const toml::table& table,
                     const std::set<std::string>& allowed, const std::string& prefix) {
  for (const auto& [key, node] : table) {
    if (!allowed.count(std::string(key.str()))) {
      toml_fail(file, node, prefix + std::string(key.str()),
                fmt::format("unknown key (allowed: {})", fmt::join(allowed, ", ")));
    }
  }
}

const toml::table* toml_table(const std::filesystem::path& file, const toml::table& parent,
                              const std::string& key, const std::string& prefix) {
  const toml::node* node = parent.get(key);
  if (!node) return nullptr;
  if (!node->is_table()) toml_fail(file, *node, prefix + key, "must be a table");
  return node->as_table();
}

std::optional<std::string> toml_string(const std::filesystem::path& file, const toml::table& table,
                                       const std::string& key, const std::string& prefix) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (!node->is_string()) toml_fail(file, *node, prefix + key, "must be a string");
  return *node->value<std::string>();
}

std::vector<std::string> toml_strings(const std::filesystem::path& file, const toml::table& table,
                                      const std::string& key, const std::string& prefix) {
  std::vector<std::string> values;
  const toml::node* node = table.get(key);
  if (!node) return values;
  const toml::array* array = node->as_array();
  if (!array) toml_fail(file, *node, prefix + key, "must be an array of strings");
  for (const toml::node& item : *array) {
    if (!item.is_string()) toml_fail(file, item, prefix + key, "must be an array of strings");
    values.push_back(*item.value<std::string>());
  }
  return values;
}

std::optional<std::int64_t> toml_integer(const std::filesystem::path& file,
                                         const toml::table& table, const std::string& key,
                                         std::int64_t min, std::int64_t max,
                                         const std::string& prefix) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  const auto value = node->value_exact<std::int64_t>();
  if (!value || *value < min || *value > max) {
    toml_fail(file, *node, prefix + key,
              fmt::format("must be a whole number from {} to {}", min, max));
  }
  return *value;
}

}  // namespace corebench
