#include "runner/results/report/copies_grid.h"

#include <fmt/format.h>

#include "runner/results/number_format.h"

namespace corebench {
namespace {

// "x925: 10 copies, 1234 MB/s; a725: 10 copies, 802.1 MB/s".
std::string describe_shares(const std::vector<TypeShare>& shares, const std::string& unit) {
  std::string text;
  for (const TypeShare& share : shares)
    text += fmt::format("{}{}: {} cop{}, {} {}", text.empty() ? "" : "; ",
                        share.core_type.empty() ? "?" : share.core_type, share.copies,
                        share.copies == 1 ? "y" : "ies", format_value(share.value), unit);
  return text;
}

}  // namespace

std::vector<std::vector<std::string>> copies_grid(const Comparison& table,
                                                  const std::vector<std::string>& heads) {
  std::vector<std::vector<std::string>> grid;
  for (const Row& row : table.rows)
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const Cell& cell = row.cells[i];
      if (!cell.present || cell.copies == 0) continue;
      grid.push_back({row.test, heads[i], std::to_string(cell.copies),
                      cell.copies_by_type.empty()
                          ? "no verified run"
                          : describe_shares(cell.copies_by_type, row.unit)});
    }
  if (!grid.empty()) grid.insert(grid.begin(), {"copies test", "file", "copies", "by core type"});
  return grid;
}

}  // namespace corebench
