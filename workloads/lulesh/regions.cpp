#include "workloads/lulesh/regions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "workloads/lulesh/glibc_random.h"
#include "workloads/options.h"

namespace corebench::lulesh {
namespace {

// About this many element evaluations of the equation of state per chunk:
// enough to hide the cost of handing a chunk out, small enough to balance
// the heavy regions across 20 threads.
constexpr int kChunkEvaluations = 1024;

// LULESH accumulates the region weights (r + 1)^balance in an int.
std::int64_t weight_total(const Regions::Settings& settings) {
  double total = 0;
  for (Index r = 0; r < settings.count; ++r) total += std::pow(r + 1.0, settings.balance);
  return total > double(std::numeric_limits<int>::max()) ? -1 : std::int64_t(total);
}

// How many consecutive elements the next run of a region gets; LULESH's
// distribution of run lengths.
Index run_length(GlibcRandom& rng) {
  const int bin = rng.next() % 1000;
  if (bin < 773) return rng.next() % 15 + 1;
  if (bin < 937) return rng.next() % 16 + 16;
  if (bin < 970) return rng.next() % 32 + 32;
  if (bin < 974) return rng.next() % 64 + 64;
  if (bin < 978) return rng.next() % 128 + 128;
  if (bin < 981) return rng.next() % 256 + 256;
  return rng.next() % 1537 + 512;
}

// Region number (1-based) of every element.
std::vector<Index> draw_region_numbers(Index num_elem, const Regions::Settings& settings,
                                       int rank) {
  std::vector<Index> number(num_elem, 1);
  if (settings.count == 1) return number;

  std::vector<int> bin_end(settings.count);
  int total = 0;
  for (Index r = 0; r < settings.count; ++r) {
    total = static_cast<int>(total + std::pow(r + 1.0, settings.balance));
    bin_end[r] = total;
  }
  GlibcRandom rng(static_cast<std::uint32_t>(rank));
  const auto pick_region = [&] {
    const int draw = rng.next() % total;
    Index r = 0;
    while (draw >= bin_end[r]) ++r;
    // Rotating by rank gives each domain a different dominant region.
    return (r + rank) % settings.count + 1;
  };

  Index next = 0;
  Index last_region = -1;
  while (next < num_elem) {
    Index region = pick_region();
    while (region == last_region) region = pick_region();
    const Index end = std::min<std::int64_t>(std::int64_t(next) + run_length(rng), num_elem);
    for (; next < end; ++next) number[next] = region;
    last_region = region;
  }
  return number;
}

}  // namespace

void Regions::check(const Settings& settings) {
  if (settings.count < 1) throw OptionError("option 'regions': must be at least 1");
  if (settings.balance < 0) throw OptionError("option 'balance': must not be negative");
  if (settings.cost < 0) throw OptionError("option 'cost': must not be negative");
  if (weight_total(settings) < 0)
    throw OptionError(fmt::format(
        "options 'regions' and 'balance': the region weights (r+1)^{} summed over {} regions "
        "overflow LULESH's int; use fewer regions or a smaller balance",
        settings.balance, settings.count));
}

Regions::Regions(Index num_elem, const Settings& settings, int rank) {
  check(settings);
  const std::vector<Index> number = draw_region_numbers(num_elem, settings, rank);
  elements_.resize(settings.count);
  for (Index i = 0; i < num_elem; ++i) elements_[number[i] - 1].push_back(i);

  repetitions_.resize(settings.count);
  const Index n = settings.count;
  for (Index r = 0; r < n; ++r) {
    if (r < n / 2)
      repetitions_[r] = 1;
    else if (r < n - (n + 15) / 20)
      repetitions_[r] = 1 + settings.cost;
    else
      repetitions_[r] = 10 * (1 + settings.cost);
  }
  cut_into_chunks();
}

void Regions::cut_into_chunks() {
  for (Index r = 0; r < count(); ++r) {
    const auto size = static_cast<Index>(elements_[r].size());
    const Index step = std::max(8, kChunkEvaluations / (repetitions_[r] + 1));
    for (Index begin = 0; begin < size; begin += step)
      chunks_.push_back({r, begin, std::min(size, begin + step)});
  }
  std::stable_sort(chunks_.begin(), chunks_.end(),
                   [&](const MaterialChunk& a, const MaterialChunk& b) {
                     return repetitions_[a.region] > repetitions_[b.region];
                   });
}

}  // namespace corebench::lulesh
