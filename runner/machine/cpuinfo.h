// /proc/cpuinfo: "key : value" lines in blocks, one block per logical CPU
// starting at its "processor" line. x86 writes model name, flags and family
// per block; arm64 writes implementer, part and Features per block.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace corebench {

class Cpuinfo {
 public:
  static Cpuinfo parse(std::string_view text);

  // The value of `key` in the block of `cpu`, or nullptr. Lines outside
  // any block (older arm kernels' "Hardware") are found under every cpu.
  const std::string* field(int cpu, const std::string& key) const;
  // The value from the lowest-numbered block that has it, or nullptr.
  const std::string* any(const std::string& key) const;
  // The CPU numbers of the blocks, ascending.
  std::vector<int> processors() const;
  bool empty() const { return blocks_.empty() && shared_.empty(); }

 private:
  std::map<int, std::map<std::string, std::string>> blocks_;
  std::map<std::string, std::string> shared_;
};

}  // namespace corebench
