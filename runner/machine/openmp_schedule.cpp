#include "runner/machine/openmp_schedule.h"

#include <charconv>
#include <stdexcept>
#include <string>

namespace corebench {

OpenmpSchedule parse_openmp_schedule(std::string_view text) {
  const auto comma = text.find(',');
  const std::string_view kind = text.substr(0, comma);
  OpenmpSchedule schedule;
  if (kind == "static") {
    schedule.kind = omp_sched_static;
  } else if (kind == "dynamic") {
    schedule.kind = omp_sched_dynamic;
  } else if (kind == "guided") {
    schedule.kind = omp_sched_guided;
  } else if (kind == "auto") {
    schedule.kind = omp_sched_auto;
  } else {
    throw std::invalid_argument("OpenMP schedule '" + std::string(text) +
                                "' is not static, dynamic, guided or auto (optionally ,CHUNK)");
  }
  if (comma != std::string_view::npos) {
    const std::string_view chunk = text.substr(comma + 1);
    const auto [end, error] =
        std::from_chars(chunk.data(), chunk.data() + chunk.size(), schedule.chunk);
    if (error != std::errc() || end != chunk.data() + chunk.size() || schedule.chunk < 1) {
      throw std::invalid_argument("OpenMP schedule '" + std::string(text) +
                                  "': the chunk must be a whole number of at least 1");
    }
  }
  return schedule;
}

void apply_openmp_schedule(const OpenmpSchedule& schedule) {
  omp_set_schedule(schedule.kind, schedule.chunk);
}

}  // namespace corebench
