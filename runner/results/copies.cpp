#include "runner/results/copies.h"

#include <fmt/format.h>

#include <algorithm>

namespace corebench {
namespace {

// The aggregate of some of a run's copies (all, or one type's).
double aggregate_of(const std::vector<const CopyRun*>& copies, Direction copy_direction) {
  if (copy_direction == Direction::HigherIsBetter) {
    double sum = 0;
    for (const CopyRun* copy : copies) sum += copy->value;
    return sum;
  }
  double slowest = 0;
  for (const CopyRun* copy : copies) slowest = std::max(slowest, copy->seconds);
  return slowest > 0 ? static_cast<double>(copies.size()) * 3600 / slowest : 0;
}

std::vector<const CopyRun*> all_of(const RunRecord& run) {
  std::vector<const CopyRun*> copies;
  for (const CopyRun& copy : run.copies) copies.push_back(&copy);
  return copies;
}

}  // namespace

std::string copies_unit(const std::string& copy_unit, Direction copy_direction) {
  return copy_direction == Direction::HigherIsBetter ? copy_unit : kRunsPerHour;
}

void aggregate_copies(RunRecord& run, Direction copy_direction) {
  if (run.copies.empty()) return;
  run.value = aggregate_of(all_of(run), copy_direction);
  run.seconds = 0;
  std::vector<std::string> wrong;
  for (const CopyRun& copy : run.copies) {
    run.seconds = std::max(run.seconds, copy.seconds);
    if (!copy.verified)
      wrong.push_back(fmt::format("copy {} (CPUs {}): {}", copy.copy, copy.cpus, copy.detail));
  }
  run.verified = wrong.empty();
  run.detail = wrong.empty() ? fmt::format("{} copies verified; copy 0: {}", run.copies.size(),
                                           run.copies.front().detail)
                             : fmt::format("{}", fmt::join(wrong, "; "));
}

std::vector<TypeShare> copies_by_type(const std::vector<RunRecord>& runs,
                                      Direction copy_direction) {
  std::vector<TypeShare> shares;
  int counted = 0;
  for (const RunRecord& run : runs) {
    if (!run.verified || run.copies.empty()) continue;
    ++counted;
    std::vector<std::pair<std::string, std::vector<const CopyRun*>>> types;
    for (const CopyRun& copy : run.copies) {
      auto it = std::find_if(types.begin(), types.end(),
                             [&](const auto& t) { return t.first == copy.core_type; });
      if (it == types.end()) it = types.insert(types.end(), {copy.core_type, {}});
      it->second.push_back(&copy);
    }
    for (const auto& type : types) {
      auto share = std::find_if(shares.begin(), shares.end(),
                                [&](const TypeShare& s) { return s.core_type == type.first; });
      if (share == shares.end())
        share = shares.insert(
            shares.end(),
            {.core_type = type.first, .copies = static_cast<int>(type.second.size()), .value = 0});
      share->value += aggregate_of(type.second, copy_direction);
    }
  }
  for (TypeShare& share : shares) share.value /= counted;
  return shares;
}

}  // namespace corebench
