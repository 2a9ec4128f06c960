#include "runner/plan/test_spec.h"

#include <fmt/format.h>

#include "runner/common/error.h"

namespace corebench {

std::string TestSpec::name() const {
  std::string text = workload;
  char separator = ':';
  for (const auto& [key, value] : options) {
    text += fmt::format("{}{}={}", separator, key, value);
    separator = ',';
  }
  std::string placement;
  if (!cpus.empty()) placement += " cpus=" + cpus;
  if (!threads.empty()) placement += " threads=" + threads;
  if (!copies.empty()) placement += " copies=" + copies;
  if (!placement.empty()) text += " @" + placement.substr(1);
  return text;
}

TestSpec parse_test_spec(const std::string& text) {
  TestSpec spec;
  const auto colon = text.find(':');
  spec.workload = text.substr(0, colon);
  if (spec.workload.empty()) throw Error(fmt::format("'{}': no workload named", text));
  if (colon == std::string::npos) return spec;
  std::string rest = text.substr(colon + 1);
  std::size_t start = 0;
  while (start <= rest.size()) {
    const auto comma = rest.find(',', start);
    const std::string pair = rest.substr(start, comma == std::string::npos ? comma : comma - start);
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
      throw Error(fmt::format("'{}': '{}' is not name=value", text, pair));
    if (!spec.options.emplace(pair.substr(0, eq), pair.substr(eq + 1)).second)
      throw Error(fmt::format("'{}': option '{}' given twice", text, pair.substr(0, eq)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return spec;
}

}  // namespace corebench
