#include "runner/machine/cpuset.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "runner/machine/cpu_list.h"

namespace corebench {

CpuSet::CpuSet(std::vector<int> ids) : ids_(std::move(ids)) {
  std::sort(ids_.begin(), ids_.end());
  ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
}

CpuSet CpuSet::parse_list(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text.empty() ? CpuSet() : CpuSet(parse_cpu_list(std::string(text)));
}

bool CpuSet::contains(int cpu) const {
  return std::binary_search(ids_.begin(), ids_.end(), cpu);
}

CpuSet CpuSet::operator|(const CpuSet& other) const {
  CpuSet result;
  std::set_union(begin(), end(), other.begin(), other.end(), std::back_inserter(result.ids_));
  return result;
}

CpuSet CpuSet::operator&(const CpuSet& other) const {
  CpuSet result;
  std::set_intersection(begin(), end(), other.begin(), other.end(),
                        std::back_inserter(result.ids_));
  return result;
}

CpuSet CpuSet::operator-(const CpuSet& other) const {
  CpuSet result;
  std::set_difference(begin(), end(), other.begin(), other.end(), std::back_inserter(result.ids_));
  return result;
}

CpuSet CpuSet::first_n(std::size_t count) const {
  CpuSet result;
  result.ids_.assign(ids_.begin(),
                     ids_.begin() + static_cast<std::ptrdiff_t>(std::min(count, size())));
  return result;
}

std::string CpuSet::to_string() const {
  return format_cpu_list(ids_);
}

}  // namespace corebench
