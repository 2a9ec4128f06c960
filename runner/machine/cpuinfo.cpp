#include "runner/machine/cpuinfo.h"

#include <charconv>

#include "runner/machine/sysfs.h"

namespace corebench {

Cpuinfo Cpuinfo::parse(std::string_view text) {
  Cpuinfo info;
  std::map<std::string, std::string> discarded;
  std::map<std::string, std::string>* block = &info.shared_;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key(trim_value(line.substr(0, colon)));
    const std::string_view value = trim_value(line.substr(colon + 1));
    if (key == "processor") {
      int cpu = -1;
      const auto [ptr, error] = std::from_chars(value.data(), value.data() + value.size(), cpu);
      // A garbled processor line starts no block: its lines are not
      // attributed to a CPU they might not describe.
      block = (error == std::errc() && ptr == value.data() + value.size() && cpu >= 0)
                  ? &info.blocks_[cpu]
                  : &discarded;
      continue;
    }
    block->emplace(key, std::string(value));
  }
  return info;
}

const std::string* Cpuinfo::field(int cpu, const std::string& key) const {
  if (const auto block = blocks_.find(cpu); block != blocks_.end()) {
    if (const auto it = block->second.find(key); it != block->second.end()) return &it->second;
  }
  const auto it = shared_.find(key);
  return it == shared_.end() ? nullptr : &it->second;
}

std::vector<int> Cpuinfo::processors() const {
  std::vector<int> ids;
  for (const auto& [cpu, block] : blocks_) ids.push_back(cpu);
  return ids;
}

const std::string* Cpuinfo::any(const std::string& key) const {
  for (const auto& [cpu, block] : blocks_) {
    if (const auto it = block.find(key); it != block.end()) return &it->second;
  }
  const auto it = shared_.find(key);
  return it == shared_.end() ? nullptr : &it->second;
}

}  // namespace corebench
