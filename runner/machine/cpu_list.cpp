#include "runner/machine/cpu_list.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>

#include "runner/common/error.h"
#include "runner/machine/sysfs.h"

namespace corebench {
namespace {

constexpr int kMaxCpu = 65535;

int parse_cpu(const std::string& list, std::size_t pos, std::size_t len) {
  if (len == 0)
    throw Error(fmt::format("CPU list '{}': expected a CPU number at position {}", list, pos + 1));
  int value = -1;
  const char* begin = list.data() + pos;
  auto [ptr, ec] = std::from_chars(begin, begin + len, value);
  if (ec != std::errc() || ptr != begin + len || value < 0 || value > kMaxCpu)
    throw Error(fmt::format("CPU list '{}': '{}' at position {} is not a CPU number", list,
                            list.substr(pos, len), pos + 1));
  return value;
}

}  // namespace

std::vector<int> parse_cpu_list(const std::string& text) {
  if (text.empty()) throw Error("CPU list is empty");
  std::vector<int> cpus;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::size_t dash = text.find('-', start);
    if (dash < comma) {
      const int first = parse_cpu(text, start, dash - start);
      const int last = parse_cpu(text, dash + 1, comma - dash - 1);
      if (last < first)
        throw Error(fmt::format("CPU list '{}': range {}-{} at position {} runs backwards", text,
                                first, last, start + 1));
      for (int cpu = first; cpu <= last; ++cpu) cpus.push_back(cpu);
    } else {
      cpus.push_back(parse_cpu(text, start, comma - start));
    }
    if (comma == text.size()) break;
    start = comma + 1;
  }
  std::sort(cpus.begin(), cpus.end());
  cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
  return cpus;
}

std::string format_cpu_list(const std::vector<int>& cpus) {
  std::vector<int> sorted = cpus;
  std::sort(sorted.begin(), sorted.end());
  std::string text;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
    if (!text.empty()) text += ',';
    text += j == i ? fmt::format("{}", sorted[i]) : fmt::format("{}-{}", sorted[i], sorted[j]);
    i = j + 1;
  }
  return text;
}

}  // namespace corebench
