// Reads small text files under a root directory the way /proc and /sys
// present them, turning a missing file into "absent" and a garbled one into
// "absent plus a warning", so detection degrades instead of failing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runner/machine/cpuset.h"

namespace corebench {

class SysfsReader {
 public:
  // `warnings` collects one line per garbled file; it must outlive the reader.
  SysfsReader(std::string root, std::vector<std::string>& warnings);

  const std::string& root() const { return root_; }
  bool exists(const std::string& path) const;
  // Names of the entries of a directory (not "." or ".."), sorted; empty if absent.
  std::vector<std::string> list_dir(const std::string& path) const;

  // The file's content without the white space and NUL bytes around it
  // (trim_value); what is left must parse, or the file counts as garbled.
  std::optional<std::string> text(const std::string& path) const;
  // A whole number, decimal or 0x-hexadecimal.
  std::optional<std::uint64_t> number(const std::string& path) const;
  // A decimal number that may be negative (ids the kernel writes as -1).
  std::optional<std::int64_t> integer(const std::string& path) const;
  // A CPU list ("0-4,10-14").
  std::optional<CpuSet> cpu_list(const std::string& path) const;
  // A cache size as sysfs writes it ("512K", "32M"), in bytes.
  std::optional<std::uint64_t> size(const std::string& path) const;

 private:
  void warn_garbled(const std::string& path, const std::string& content) const;

  std::string root_;
  std::vector<std::string>& warnings_;
};

}  // namespace corebench
