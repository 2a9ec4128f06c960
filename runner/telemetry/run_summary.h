// Readings taken during one run, folded into what the result file keeps:
// the clock per core type, the hottest reading per sensor, energy and
// power per domain, throttle events. Pure: tests feed it readings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runner/results/telemetry.h"
#include "runner/telemetry/sensors.h"

namespace corebench {

class RunSummary {
 public:
  // `core_type_of`: CPU id -> its core type's name (Topology); a CPU not in
  // it counts under "cpu".
  RunSummary(const Sensors& sensors, std::map<int, std::string> core_type_of);

  void add(const Reading& reading);
  // `sampler_cpu_seconds`: what the sampling cost, recorded beside it.
  RunTelemetry finish(double sampler_cpu_seconds) const;

 private:
  struct Clock {
    double sum = 0;
    int count = 0;
    double min = 0;
  };
  struct Energy {
    std::optional<double> last;  // µJ: the previous counter value
    double joules = 0;
    double watts_sum = 0;  // meters: the sum of readings in W
    int watts_count = 0;
  };
  void add_energy(std::size_t index, double value);

  const Sensors& sensors_;
  std::map<int, std::string> core_type_of_;
  int readings_ = 0;
  double first_seconds_ = 0;
  double last_seconds_ = 0;
  std::map<std::string, Clock> clocks_;  // by core type
  std::vector<std::optional<double>> max_celsius_;
  std::vector<Energy> energy_;
  std::vector<std::optional<std::uint64_t>> first_core_, last_core_;
  std::vector<std::optional<std::uint64_t>> first_package_, last_package_;
};

}  // namespace corebench
