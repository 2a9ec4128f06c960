// The parent's sampler: a thread reading the sensors a few times a second
// while a run is timed, pinned to CPUs the test does not use where the
// machine has any, so that its reads take no time from the test.
#pragma once

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "runner/results/telemetry.h"
#include "runner/telemetry/sensors.h"

namespace corebench {

// Four readings a second: enough for a clock that drops for a second, and
// rare enough that reading sysfs costs the machine well under a percent
// (measured: runner/telemetry/README.md).
inline constexpr double kSampleInterval = 0.25;

class Sampler {
 public:
  // `avoid`: the test's CPUs. The thread runs on the CPUs this process may
  // use outside them; where there are none, beside the test.
  Sampler(Sensors sensors, std::map<int, std::string> core_type_of, const CpuSet& avoid,
          double interval = kSampleInterval);
  ~Sampler();
  Sampler(const Sampler&) = delete;
  Sampler& operator=(const Sampler&) = delete;

  const Sensors& sensors() const { return sensors_; }
  // Whether the sampler has CPUs of its own (else it shares the test's).
  bool pinned_off_test() const { return !own_cpus_.empty(); }

  // A reading now, then every interval until stop(), which takes a last
  // one and returns the run's summary (nothing when not started).
  void start();
  RunTelemetry stop();

 private:
  void loop();

  Sensors sensors_;
  std::map<int, std::string> core_type_of_;
  std::vector<int> own_cpus_;
  double interval_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  RunTelemetry result_;
};

}  // namespace corebench
