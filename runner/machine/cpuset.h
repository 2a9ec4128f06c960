// CPU sets: a sorted list of CPU ids, as the kernel lists them ("0-4,10-14").
// The expression language users write them in is cpu_set_expression.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corebench {

class CpuSet {
 public:
  CpuSet() = default;
  explicit CpuSet(std::vector<int> ids);  // sorts and removes duplicates

  // The kernel's list format ("0-4,10-14", "" for none). Throws Error
  // naming the text when it is not one.
  static CpuSet parse_list(std::string_view text);

  const std::vector<int>& ids() const { return ids_; }
  std::size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }
  bool contains(int cpu) const;
  int first() const { return ids_.front(); }  // precondition: !empty()
  auto begin() const { return ids_.begin(); }
  auto end() const { return ids_.end(); }

  CpuSet operator|(const CpuSet& other) const;
  CpuSet operator&(const CpuSet& other) const;
  CpuSet operator-(const CpuSet& other) const;
  CpuSet first_n(std::size_t count) const;

  // Compact list form, as the kernel writes it: "0-4,10-14".
  std::string to_string() const;

  bool operator==(const CpuSet& other) const = default;

 private:
  std::vector<int> ids_;
};

}  // namespace corebench
