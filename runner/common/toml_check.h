// Checking TOML files a user may edit (suites, machine profiles): every
// problem is one line naming the file, the line and the key.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace corebench {

// Parses `file`; throws Error "file:line: what" for a syntax error.
toml::table parse_toml_file(const std::filesystem::path& file);

// Throws Error "file:line: 'key': what".
[[noreturn]] void toml_fail(const std::filesystem::path& file, const toml::node& node,
                            const std::string& key, const std::string& what);

// Throws for the first key of `table` not in `allowed`; `prefix` ("match.")
// makes the key's name whole in the message.
void check_toml_keys(const std::filesystem::path& file, const toml::table& table,
                     const std::set<std::string>& allowed, const std::string& prefix = "");

// The table under `key`, nullptr if absent; throws if it is not a table.
const toml::table* toml_table(const std::filesystem::path& file, const toml::table& parent,
                              const std::string& key, const std::string& prefix = "");

// The string under `key`, nullopt if absent; throws if it is not a string.
std::optional<std::string> toml_string(const std::filesystem::path& file, const toml::table& table,
                                       const std::string& key, const std::string& prefix = "");

// The array of strings under `key`, empty if absent; throws otherwise.
std::vector<std::string> toml_strings(const std::filesystem::path& file, const toml::table& table,
                                      const std::string& key, const std::string& prefix = "");

// The whole number under `key` in [min, max], nullopt if absent.
std::optional<std::int64_t> toml_integer(const std::filesystem::path& file,
                                         const toml::table& table, const std::string& key,
                                         std::int64_t min, std::int64_t max,
                                         const std::string& prefix = "");

}  // namespace corebench
