#include <nlohmann/json.hpp>

#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json multiplier_json(const std::optional<Multiplier>& m) {
  if (!m) return nullptr;
  nlohmann::json j = {{"value", m->value}, {"tie", m->tie()}};
  j["interval"] = m->interval ? nlohmann::json::array({m->interval->low, m->interval->high})
                              : nlohmann::json(nullptr);
  return j;
}

nlohmann::json efficiency_json(const std::optional<Efficiency>& e) {
  if (!e) return nullptr;
  return {{"kind", e->kind},
          {"unit", e->unit},
          {"values", e->values},
          {"reference", e->reference ? nlohmann::json(*e->reference) : nlohmann::json(nullptr)},
          {"multipliers", e->multipliers}};
}

// Rate mode: the copies and each core type's part of the value; null
// without copies.
nlohmann::json copies_json(const Cell& cell) {
  if (cell.copies == 0) return nullptr;
  nlohmann::json types = nlohmann::json::array();
  for (const TypeShare& share : cell.copies_by_type)
    types.push_back(
        {{"core_type", share.core_type}, {"copies", share.copies}, {"value", share.value}});
  return {{"count", cell.copies}, {"by_core_type", std::move(types)}};
}

class JsonReporter final : public Reporter {
 public:
  void write(const Comparison& table, std::ostream& out) const override {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : table.rows) {
      nlohmann::json cells = nlohmann::json::array();
      for (const auto& cell : row.cells) {
        if (!cell.present) {
          cells.push_back(nullptr);
          continue;
        }
        cells.push_back(
            {{"status", to_string(cell.status)},
             {"value", cell.value},
             {"mean", cell.summary.mean},
             {"median", cell.summary.median},
             {"sd", cell.summary.sd},
             {"n", cell.summary.n},
             {"noisy", cell.summary.noisy()},
             {"outliers", cell.outliers},
             {"busy_at_start", cell.busy_at_start},
             {"multiplier", multiplier_json(cell.multiplier)},
             {"telemetry", cell.telemetry.runs ? to_json(cell.telemetry) : nlohmann::json(nullptr)},
             {"copies", copies_json(cell)}});
      }
      rows.push_back({{"test", row.test},
                      {"unit", row.unit},
                      {"higher_is_better", row.direction == Direction::HigherIsBetter},
                      {"reference", optional_number(row.reference)},
                      {"results", std::move(cells)},
                      {"per_energy", efficiency_json(row.efficiency)}});
    }
    nlohmann::json geomean = nlohmann::json::array();
    for (const auto& g : table.geomean) geomean.push_back(multiplier_json(g));
    out << nlohmann::json{{"statistic", to_string(table.statistic)},
                          {"confidence", kConfidence},
                          {"reference", table.reference_label},
                          {"columns", table.columns},
                          {"builds", table.builds},
                          {"reference_build", table.reference_build},
                          {"rows", std::move(rows)},
                          {"geometric_mean", std::move(geomean)},
                          {"geometric_mean_tests", table.geomean_tests}}
               .dump(2)
        << "\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter() {
  return std::make_unique<JsonReporter>();
}

}  // namespace corebench
