// Small readers for /proc and /sys files below a root path.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace corebench {

// `text` without the white space and NUL bytes around it. The kernel ends a
// value with one newline; dump tools and copies add NULs, CRLF line ends or
// padding, which its own parsers (kstrto*) would not see either.
std::string_view trim_value(std::string_view text);

// The file's first line, trimmed; nullopt when missing or unreadable.
std::optional<std::string> read_line(const std::filesystem::path& file);

// The whole file; nullopt when missing or unreadable.
std::optional<std::string> read_text(const std::filesystem::path& file);

// "root" + "/proc/cpuinfo" without the double slash path::operator/ would
// turn into an absolute path.
std::filesystem::path under(const std::filesystem::path& root, const std::string& absolute);

// The value after "key<tabs>: " on the first line of a /proc/cpuinfo text
// that has it; "" when none has.
std::string cpuinfo_field(const std::string& cpuinfo, const std::string& key);

}  // namespace corebench
