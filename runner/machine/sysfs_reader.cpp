#include "runner/machine/sysfs_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "runner/common/error.h"
#include "runner/machine/sysfs.h"

namespace corebench {
namespace {

namespace fs = std::filesystem;

std::optional<std::uint64_t> parse_number(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    base = 16;
  }
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

// Shortened for a one-line warning; a garbled file may hold anything.
std::string excerpt(const std::string& content) {
  std::string shown = content.substr(0, 40);
  std::replace_if(
      shown.begin(), shown.end(), [](unsigned char c) { return c < 0x20 || c > 0x7e; }, '?');
  return content.size() > shown.size() ? shown + "..." : shown;
}

}  // namespace

SysfsReader::SysfsReader(std::string root, std::vector<std::string>& warnings)
    : root_(std::move(root)), warnings_(warnings) {}

bool SysfsReader::exists(const std::string& path) const {
  std::error_code error;
  return fs::exists(fs::path(root_) / path, error);
}

std::vector<std::string> SysfsReader::list_dir(const std::string& path) const {
  std::vector<std::string> names;
  std::error_code error;
  for (fs::directory_iterator it(fs::path(root_) / path, error), end; !error && it != end;
       it.increment(error)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> SysfsReader::text(const std::string& path) const {
  std::error_code error;
  const fs::path full = fs::path(root_) / path;
  if (!fs::is_regular_file(full, error)) return std::nullopt;
  const auto text = read_text(full);
  if (!text) return std::nullopt;
  return std::string(trim_value(*text));
}

std::optional<std::uint64_t> SysfsReader::number(const std::string& path) const {
  const auto content = text(path);
  if (!content) return std::nullopt;
  const auto value = parse_number(*content);
  if (!value) warn_garbled(path, *content);
  return value;
}

std::optional<std::int64_t> SysfsReader::integer(const std::string& path) const {
  const auto content = text(path);
  if (!content) return std::nullopt;
  std::int64_t value = 0;
  const char* end = content->data() + content->size();
  const auto [ptr, error] = std::from_chars(content->data(), end, value);
  if (error != std::errc() || ptr != end || content->empty()) {
    warn_garbled(path, *content);
    return std::nullopt;
  }
  return value;
}

std::optional<CpuSet> SysfsReader::cpu_list(const std::string& path) const {
  const auto content = text(path);
  if (!content) return std::nullopt;
  try {
    return CpuSet::parse_list(*content);
  } catch (const Error&) {
    warn_garbled(path, *content);
    return std::nullopt;
  }
}

std::optional<std::uint64_t> SysfsReader::size(const std::string& path) const {
  const auto content = text(path);
  if (!content) return std::nullopt;
  std::string_view digits = *content;
  std::uint64_t scale = 1;
  if (!digits.empty()) {
    switch (digits.back()) {
      case 'K': scale = 1ULL << 10; break;
      case 'M': scale = 1ULL << 20; break;
      case 'G': scale = 1ULL << 30; break;
      default: break;
    }
    if (scale != 1) digits.remove_suffix(1);
  }
  const auto value = parse_number(digits);
  if (!value) {
    warn_garbled(path, *content);
    return std::nullopt;
  }
  return *value * scale;
}

void SysfsReader::warn_garbled(const std::string& path, const std::string& content) const {
  warnings_.push_back("ignored unreadable " + path + ": '" + excerpt(content) + "'");
}

}  // namespace corebench
