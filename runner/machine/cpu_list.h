// CPU lists in the kernel's notation ("0-3,8,10-11").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace corebench {

// Parses a list; throws Error naming the bad token and its position.
std::vector<int> parse_cpu_list(const std::string& text);

// The compact form: sorted, runs folded into ranges.
std::string format_cpu_list(const std::vector<int>& cpus);

}  // namespace corebench
