// The sampler's sensors on fixture trees (tests/fixtures/telemetry/README.md
// says where each layout is from), the per-run and per-test summaries, the
// result file's telemetry, and the sampler on this machine end to end.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "runner/machine/topology.h"
#include "runner/results/compare.h"
#include "runner/results/report/power_grid.h"
#include "runner/results/report/reporter.h"
#include "runner/results/result.h"
#include "runner/telemetry/run_summary.h"
#include "runner/telemetry/sampler.h"
#include "runner/telemetry/sensors.h"
#include "support/run_command.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(COREBENCH_TEST_DATA) + "/fixtures/telemetry/";

// A writable copy of a fixture tree, removed at the end.
class TreeCopy {
 public:
  explicit TreeCopy(const std::string& name)
      : root_(fs::temp_directory_path() /
              ("corebench-telemetry-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(root_);
    fs::copy(kFixtures + name, root_, fs::copy_options::recursive);
  }
  ~TreeCopy() { fs::remove_all(root_); }
  std::string root() const { return root_.string(); }
  void write(const std::string& path, const std::string& value) const {
    std::ofstream(root_ / path) << value << "\n";
  }

 private:
  fs::path root_;
};

// A reading at a chosen time, so that watts are exact.
Reading reading_at(const Sensors& sensors, double seconds) {
  Reading reading = read_sensors(sensors);
  reading.seconds = seconds;
  return reading;
}

const EnergyReading* energy_of(const RunTelemetry& t, const std::string& domain) {
  const auto it = std::find_if(t.energy.begin(), t.energy.end(),
                               [&](const EnergyReading& e) { return e.domain == domain; });
  return it == t.energy.end() ? nullptr : &*it;
}

const ClockReading* clock_of(const RunTelemetry& t, const std::string& type) {
  const auto it = std::find_if(t.clocks.begin(), t.clocks.end(),
                               [&](const ClockReading& c) { return c.core_type == type; });
  return it == t.clocks.end() ? nullptr : &*it;
}

bool mentions(const std::vector<std::string>& lines, const std::string& word) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(word) != std::string::npos; });
}

const std::map<int, std::string> kIntelTypes = {
    {0, "P-core"}, {1, "P-core"}, {2, "E-core"}, {3, "E-core"}};

TEST(TelemetrySensors, IntelRaplPackageAndCoreDomainsWithoutTheMmioDuplicate) {
  const Sensors s = discover_sensors(kFixtures + "intel-rapl", CpuSet({0, 1, 2, 3}));
  ASSERT_EQ(s.clocks.size(), 4u);
  EXPECT_EQ(s.clocks[2].path, "sys/devices/system/cpu/cpu2/cpufreq/scaling_cur_freq");
  std::vector<std::string> kinds;
  for (const auto& e : s.energy) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"package", "core", "uncore", "psys"}));
  EXPECT_EQ(s.energy[0].domain, "intel-rapl:0 (package-0)");
  EXPECT_EQ(s.energy[0].range_uj, 262143328850u);
  EXPECT_TRUE(mentions(s.problems, "intel-rapl-mmio:0"));
  EXPECT_EQ(s.temperatures.size(), 5u);
  EXPECT_TRUE(mentions({s.temperatures[0].name}, "coretemp/Package id 0"));
  EXPECT_EQ(s.throttles.size(), 4u);
}

TEST(TelemetryRun, IntelRaplCounterWrapsAtItsRangeAndThrottleEventsCountOncePerPackage) {
  const TreeCopy tree("intel-rapl");
  const Sensors s = discover_sensors(tree.root(), CpuSet({0, 1, 2, 3}));
  const std::string package = "sys/class/powercap/intel-rapl:0/energy_uj";
  const std::string core = "sys/class/powercap/intel-rapl:0:0/energy_uj";
  RunSummary summary(s, kIntelTypes);
  tree.write(package, std::to_string(262143328850 - 1000000));  // 1 J before the wrap
  tree.write(core, "1000000");
  summary.add(reading_at(s, 10.0));
  tree.write(package, "2000000");  // 2 J after it
  tree.write(core, "2500000");
  tree.write("sys/devices/system/cpu/cpu2/cpufreq/scaling_cur_freq", "3000000");
  tree.write("sys/devices/system/cpu/cpu0/thermal_throttle/core_throttle_count", "1");
  for (int cpu = 0; cpu < 4; ++cpu)
    tree.write(
        fmt::format("sys/devices/system/cpu/cpu{}/thermal_throttle/package_throttle_count", cpu),
        "15");
  tree.write("sys/class/hwmon/hwmon4/temp1_input", "91000");
  summary.add(reading_at(s, 11.5));
  const RunTelemetry t = summary.finish(0.001);

  const EnergyReading* p = energy_of(t, "intel-rapl:0 (package-0)");
  ASSERT_NE(p, nullptr);
  EXPECT_NEAR(p->joules, 3.0, 1e-6);
  EXPECT_NEAR(p->mean_watts, 2.0, 1e-6);
  ASSERT_NE(energy_of(t, "intel-rapl:0:0 (core)"), nullptr);
  EXPECT_NEAR(energy_of(t, "intel-rapl:0:0 (core)")->joules, 1.5, 1e-6);
  EXPECT_NEAR(*watts_of_kind(t.energy, "package"), 2.0, 1e-6);
  EXPECT_FALSE(watts_of_kind(t.energy, "dram"));

  ASSERT_NE(clock_of(t, "P-core"), nullptr);
  EXPECT_DOUBLE_EQ(clock_of(t, "P-core")->mean_mhz, 4700);
  EXPECT_DOUBLE_EQ(clock_of(t, "E-core")->mean_mhz, (3400 * 3 + 3000) / 4.0);
  EXPECT_DOUBLE_EQ(clock_of(t, "E-core")->min_mhz, 3000);
  ASSERT_TRUE(t.throttle);
  EXPECT_EQ(t.throttle->core_events, 1u);
  EXPECT_EQ(t.throttle->package_events, 3u);  // 12 -> 15 seen by 4 CPUs of one package
  const auto hottest =
      std::max_element(t.temperatures.begin(), t.temperatures.end(),
                       [](const auto& a, const auto& b) { return a.max_celsius < b.max_celsius; });
  EXPECT_EQ(hottest->sensor, "coretemp/Package id 0");
  EXPECT_DOUBLE_EQ(hottest->max_celsius, 91);
  EXPECT_EQ(t.samples, 2);
  EXPECT_DOUBLE_EQ(t.seconds, 1.5);
}

TEST(TelemetryRun, AmdEnergyHwmonPerCoreAndSocketWithCpuinfoClock) {
  const TreeCopy tree("amd-energy");
  const Sensors s = discover_sensors(tree.root(), CpuSet({0, 1, 2, 3}));
  ASSERT_EQ(s.clocks.size(), 4u);
  EXPECT_TRUE(s.clocks[0].path.empty());  // /proc/cpuinfo
  ASSERT_EQ(s.energy.size(), 5u);
  EXPECT_EQ(s.energy[4].domain, "amd_energy/Esocket0");
  EXPECT_EQ(s.energy[4].kind, "package");
  EXPECT_EQ(s.energy[0].kind, "core");
  EXPECT_EQ(s.energy[0].range_uj, 0u);
  RunSummary summary(s, {});
  summary.add(reading_at(s, 0));
  tree.write("sys/class/hwmon/hwmon2/energy5_input", std::to_string(59741602539 + 180000000));
  for (int n = 1; n <= 4; ++n)
    tree.write(fmt::format("sys/class/hwmon/hwmon2/energy{}_input", n),
               std::to_string(1100000000 + n));  // each core: about +70 J
  summary.add(reading_at(s, 2));
  const RunTelemetry t = summary.finish(0);
  EXPECT_NEAR(energy_of(t, "amd_energy/Esocket0")->mean_watts, 90.0, 1e-6);
  EXPECT_GT(*watts_of_kind(t.energy, "core"), 4 * 30.0);  // summed over the cores
  ASSERT_EQ(t.clocks.size(), 1u);
  EXPECT_EQ(t.clocks[0].core_type, "cpu");
  EXPECT_DOUBLE_EQ(t.clocks[0].min_mhz, 1500.0);
  EXPECT_FALSE(t.throttle);
  EXPECT_EQ(t.temperatures.size(), 2u);
}

TEST(TelemetryRun, AmdEnergyCounterThatGoesDownWithoutARangeDropsTheInterval) {
  const TreeCopy tree("amd-energy");
  const Sensors s = discover_sensors(tree.root(), CpuSet({0}));
  RunSummary summary(s, {});
  summary.add(reading_at(s, 0));
  tree.write("sys/class/hwmon/hwmon2/energy5_input", "1000");  // reset (driver reloaded)
  summary.add(reading_at(s, 1));
  tree.write("sys/class/hwmon/hwmon2/energy5_input", "2001000");
  summary.add(reading_at(s, 2));
  EXPECT_NEAR(energy_of(summary.finish(0), "amd_energy/Esocket0")->joules, 2.0, 1e-6);
}

TEST(TelemetryRun, ZenpowerPowerMetersGiveMeanWattsAndJoulesOverTheTime) {
  const Sensors s = discover_sensors(kFixtures + "amd-zenpower", CpuSet({0, 1}));
  ASSERT_EQ(s.energy.size(), 2u);
  EXPECT_TRUE(s.energy[0].power);
  EXPECT_EQ(s.energy[0].kind, "core");
  EXPECT_EQ(s.energy[1].kind, "soc");
  RunSummary summary(s, {});
  summary.add(reading_at(s, 0));
  summary.add(reading_at(s, 4));
  const RunTelemetry t = summary.finish(0);
  EXPECT_NEAR(energy_of(t, "zenpower/SVI2_P_Core")->mean_watts, 41.203, 1e-9);
  EXPECT_NEAR(energy_of(t, "zenpower/SVI2_P_Core")->joules, 4 * 41.203, 1e-9);
  EXPECT_DOUBLE_EQ(t.clocks.at(0).mean_mhz, 4291);
}

TEST(TelemetrySensors, ArmClockPerClusterPolicyAndNamedThermalZones) {
  const Sensors s = discover_sensors(kFixtures + "arm-rk3588", CpuSet({0, 3, 5, 6}));
  ASSERT_EQ(s.clocks.size(), 4u);
  EXPECT_EQ(s.clocks[2].path, "sys/devices/system/cpu/cpufreq/policy4/scaling_cur_freq");
  EXPECT_EQ(s.clocks[3].path, "sys/devices/system/cpu/cpufreq/policy6/scaling_cur_freq");
  ASSERT_EQ(s.temperatures.size(), 7u);
  EXPECT_EQ(s.temperatures[3].name, "thermal_zone3 (littlecore-thermal)");
  EXPECT_TRUE(s.energy.empty());
  EXPECT_TRUE(s.throttles.empty());
  RunSummary summary(s,
                     {{0, "Cortex-A55"}, {3, "Cortex-A55"}, {5, "Cortex-A76"}, {6, "Cortex-A76"}});
  summary.add(reading_at(s, 0));
  summary.add(reading_at(s, 0.25));
  const RunTelemetry t = summary.finish(0);
  EXPECT_DOUBLE_EQ(clock_of(t, "Cortex-A55")->mean_mhz, 1800);
  EXPECT_DOUBLE_EQ(clock_of(t, "Cortex-A76")->mean_mhz, (2256 + 2304) / 2.0);
  EXPECT_DOUBLE_EQ(clock_of(t, "Cortex-A76")->min_mhz, 2256);
  EXPECT_DOUBLE_EQ(t.temperatures[3].max_celsius, 39.77);
  EXPECT_TRUE(t.energy.empty());
}

// Real dumps (tests/fixtures/sysfs; its README names where each came from):
// cpufreq with a policy per CPU, the clocks named by the core types the
// topology finds. Neither dump holds sensors besides the clock.
TEST(TelemetrySensors, RealDumpsGiveTheClockOfEachCoreType) {
  const std::string dumps = std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/";
  const auto clocks_of = [&](const std::string& name) {
    const Topology topology = detect_topology(dumps + name);
    const Sensors s = discover_sensors(dumps + name, topology.allowed);
    EXPECT_EQ(s.clocks.size(), topology.cpus.size()) << name;
    EXPECT_TRUE(s.temperatures.empty() && s.energy.empty() && s.throttles.empty()) << name;
    RunSummary summary(s, topology.core_type_names());
    summary.add(reading_at(s, 0));
    summary.add(reading_at(s, 0.25));
    return summary.finish(0);
  };
  const RunTelemetry gb10 = clocks_of("nvidia-dgx-gb10");
  ASSERT_EQ(gb10.clocks.size(), 2u);
  EXPECT_DOUBLE_EQ(clock_of(gb10, "Cortex-X925")->mean_mhz, 3900);
  EXPECT_DOUBLE_EQ(clock_of(gb10, "Cortex-A725")->mean_mhz, 2808);
  const RunTelemetry intel = clocks_of("intel-i7-1370p-hybrid");
  ASSERT_EQ(intel.clocks.size(), 2u);
  EXPECT_NEAR(clock_of(intel, "P-core")->mean_mhz, 1233.838, 1e-3);  // 12 CPUs, 400-1918 MHz
  EXPECT_DOUBLE_EQ(clock_of(intel, "P-core")->min_mhz, 400);
  EXPECT_NEAR(clock_of(intel, "E-core")->mean_mhz, 595.912, 1e-3);  // 8 CPUs, 400-1484 MHz
  EXPECT_DOUBLE_EQ(clock_of(intel, "E-core")->min_mhz, 399.899);
}

TEST(TelemetryRun, AMachineWithNothingSaysNotAvailableNeverZero) {
  const Sensors s = discover_sensors(kFixtures + "nothing", CpuSet({0, 1}));
  EXPECT_FALSE(s.any());
  for (const auto& line : describe_sensors(s))
    EXPECT_TRUE(mentions({line}, "not available")) << line;
  RunSummary summary(s, {});
  summary.add(reading_at(s, 0));
  summary.add(reading_at(s, 1));
  RunRecord run;
  run.verified = true;
  run.telemetry = summary.finish(0);
  const nlohmann::json j = to_json(run).at("telemetry");
  for (const char* key : {"clock", "temperature", "energy", "throttle"})
    EXPECT_EQ(j.at(key), "not available") << key;
  TestResult test;
  test.runs = {run};
  test.refresh_derived();
  const nlohmann::json summary_json = to_json(test.telemetry);
  for (const char* key : {"clock", "temperature", "energy", "throttle"})
    EXPECT_EQ(summary_json.at(key), "not available") << key;
}

TEST(TelemetrySensors, GarbledValuesAreSkippedWithTheReason) {
  const TreeCopy tree("intel-rapl");
  tree.write("sys/class/powercap/intel-rapl:0/energy_uj", "12ab");
  tree.write("sys/class/hwmon/hwmon4/temp2_input", "");
  tree.write("sys/devices/system/cpu/cpu1/cpufreq/scaling_cur_freq", "fast");
  // Bytes that are not UTF-8, in a name and in a bad value: the result file
  // (JSON) must still be writable.
  tree.write("sys/class/hwmon/hwmon4/temp1_label", "Package\xff\xfe");
  tree.write("sys/class/powercap/intel-rapl:0:0/energy_uj", "\xff");
  const Sensors s = discover_sensors(tree.root(), CpuSet({0, 1}));
  TestResult test;
  test.telemetry.problems = s.problems;
  EXPECT_NO_THROW(to_json(test.telemetry).dump());
  EXPECT_EQ(s.temperatures.at(0).name, "coretemp/Package??");
  EXPECT_TRUE(mentions(s.problems, "intel-rapl:0 (package-0)"))
      << ::testing::PrintToString(s.problems);
  EXPECT_TRUE(mentions(s.problems, "coretemp/temp2"));
  EXPECT_TRUE(mentions(s.problems, "clock of cpu 1"));
  EXPECT_EQ(s.clocks.size(), 1u);
  EXPECT_FALSE(std::any_of(s.energy.begin(), s.energy.end(),
                           [](const EnergySensor& e) { return e.kind == "package"; }));
  // Garbled after discovery: that reading is skipped, the others count.
  RunSummary summary(s, {});
  summary.add(reading_at(s, 0));
  tree.write("sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "\x01\x02");
  summary.add(reading_at(s, 1));
  const RunTelemetry t = summary.finish(0);
  EXPECT_DOUBLE_EQ(t.clocks.at(0).mean_mhz, 4700);
}

RunRecord run_with_clock(double mhz, double watts = 0) {
  RunRecord run;
  run.verified = true;
  run.value = 10;
  run.seconds = 1;
  run.telemetry.recorded = true;
  run.telemetry.seconds = 1;
  run.telemetry.clocks = {{.core_type = "P-core", .mean_mhz = mhz, .min_mhz = mhz - 100}};
  if (watts > 0)
    run.telemetry.energy = {{.domain = "intel-rapl:0 (package-0)",
                             .kind = "package",
                             .joules = watts,
                             .mean_watts = watts}};
  return run;
}

TEST(TelemetrySummary, ARunMoreThanTenPercentBelowTheMedianClockIsThrottled) {
  TestResult test;
  RunRecord warmup = run_with_clock(1000);
  warmup.warmup = true;
  test.runs = {warmup,
               run_with_clock(3000),
               run_with_clock(3000),
               run_with_clock(2690),
               run_with_clock(2710),
               run_with_clock(3010)};
  test.refresh_derived();
  EXPECT_FALSE(test.runs[4].telemetry.throttled);  // 9.7 % below
  EXPECT_TRUE(test.runs[3].telemetry.throttled);   // 10.3 % below
  EXPECT_EQ(test.telemetry.throttled_runs, (std::vector<int>{3}));
  EXPECT_EQ(test.telemetry.runs, 5);
  EXPECT_DOUBLE_EQ(test.telemetry.clocks.at(0).min_mhz, 2590);
  EXPECT_NEAR(test.telemetry.clocks.at(0).mean_mhz, (3000 + 3000 + 2690 + 2710 + 3010) / 5.0, 1e-9);
}

TEST(TelemetryResult, RunTelemetryRoundTripsAndOldFilesHaveNone) {
  RunRecord run = run_with_clock(2500, 30);
  run.telemetry.temperatures = {{.sensor = "k10temp/Tctl", .max_celsius = 71.5}};
  run.telemetry.throttle = ThrottleReading{.core_events = 2, .package_events = 1};
  run.telemetry.samples = 9;
  const RunRecord back = run_record_from_json(nlohmann::json::parse(to_json(run).dump()));
  EXPECT_TRUE(back.telemetry.recorded);
  EXPECT_EQ(back.telemetry.samples, 9);
  EXPECT_EQ(back.telemetry.clocks.at(0).core_type, "P-core");
  EXPECT_DOUBLE_EQ(back.telemetry.temperatures.at(0).max_celsius, 71.5);
  EXPECT_EQ(back.telemetry.energy.at(0).kind, "package");
  EXPECT_EQ(back.telemetry.throttle->core_events, 2u);

  nlohmann::json old = to_json(run);
  old.erase("telemetry");  // a schema 2 run
  EXPECT_FALSE(run_record_from_json(old).telemetry.recorded);
  nlohmann::json bad = to_json(run);
  bad["telemetry"]["throttle"]["core_events"] = 1e300;
  EXPECT_THROW(run_record_from_json(bad), nlohmann::json::exception);
  RunRecord off;  // --no-telemetry
  EXPECT_TRUE(to_json(off).at("telemetry").is_null());
}

TEST(TelemetrySampler, ReadsAFewTimesASecondUntilStopped) {
  Sampler sampler(discover_sensors(kFixtures + "arm-rk3588", CpuSet({0})), {}, CpuSet({0}), 0.05);
  sampler.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const RunTelemetry t = sampler.stop();
  EXPECT_GE(t.samples, 4);
  EXPECT_LE(t.samples, 9);
  EXPECT_GT(t.seconds, 0.25);
  EXPECT_GT(t.sampler_cpu_seconds, 0);
  EXPECT_DOUBLE_EQ(t.clocks.at(0).mean_mhz, 1800);
  EXPECT_EQ(sampler.pinned_off_test(), allowed_cpus().size() > 1);
  sampler.start();  // a second run on the same sampler
  EXPECT_GE(sampler.stop().samples, 1);
}

ResultFile file_with(const std::string& label, double value, double watts, double mhz,
                     const std::string& kind = "package") {
  ResultFile file;
  file.label = label;
  TestResult test;
  test.name = "stream";
  test.unit = "MB/s";
  for (int i = 0; i < 3; ++i) {
    RunRecord run = run_with_clock(mhz, watts);
    run.value = value;
    if (watts > 0) run.telemetry.energy.at(0).kind = kind;
    test.runs.push_back(run);
  }
  test.refresh_derived();
  file.tests.push_back(test);
  return file;
}

TEST(TelemetryCompare, PerformancePerWattWhereEveryFileHasTheSameKindOfDomain) {
  const Comparison table =
      compare({file_with("a", 1000, 50, 3000), file_with("b", 1500, 50, 3500)}, nullptr);
  ASSERT_TRUE(table.rows.at(0).efficiency);
  const Efficiency& e = *table.rows[0].efficiency;
  EXPECT_EQ(e.kind, "package");
  EXPECT_EQ(e.unit, "MB/s per W");
  EXPECT_DOUBLE_EQ(e.values.at(0), 20);
  EXPECT_DOUBLE_EQ(e.multipliers.at(1), 1.5);
  EXPECT_EQ(table.clock_types, (std::vector<std::string>{"P-core"}));
  std::ostringstream text;
  make_text_reporter()->write(table, text);
  EXPECT_NE(text.str().find("P-core GHz"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("30.00 MB/s per W"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("1.50x"), std::string::npos) << text.str();
  std::ostringstream csv;
  make_csv_reporter()->write(table, csv);
  EXPECT_NE(csv.str().find("b P-core MHz,b per energy,b per energy multiplier"), std::string::npos)
      << csv.str();
  EXPECT_NE(csv.str().find(",3500,30,1.5,MB/s per W"), std::string::npos) << csv.str();

  // One file without energy, or with another kind only: no performance per watt.
  EXPECT_FALSE(compare({file_with("a", 1000, 50, 3000), file_with("b", 1500, 0, 3500)}, nullptr)
                   .rows.at(0)
                   .efficiency);
  EXPECT_FALSE(
      compare({file_with("a", 1000, 50, 3000), file_with("b", 1500, 40, 3500, "dram")}, nullptr)
          .rows.at(0)
          .efficiency);
  // A reference with energy of the kind: the multipliers are against it.
  const ResultFile reference = file_with("ref", 500, 50, 2500);
  const Comparison against =
      compare({file_with("a", 1000, 50, 3000), file_with("b", 1500, 50, 3500)}, &reference);
  ASSERT_TRUE(against.rows.at(0).efficiency);
  EXPECT_DOUBLE_EQ(*against.rows[0].efficiency->reference, 10);
  EXPECT_DOUBLE_EQ(against.rows[0].efficiency->multipliers.at(0), 2);
  EXPECT_DOUBLE_EQ(against.rows[0].efficiency->multipliers.at(1), 3);
  EXPECT_NE(power_legend(against).find("× against the reference (ref);"), std::string::npos)
      << power_legend(against);
  // Without energy the reference leaves the first file as the basis, said so.
  const ResultFile silent = file_with("ref", 500, 0, 2500);
  const Comparison first =
      compare({file_with("a", 1000, 50, 3000), file_with("b", 1500, 50, 3500)}, &silent);
  EXPECT_FALSE(first.rows.at(0).efficiency->reference);
  EXPECT_DOUBLE_EQ(first.rows[0].efficiency->multipliers.at(1), 1.5);
  EXPECT_NE(power_legend(first).find("against the first file (the reference has no energy"),
            std::string::npos)
      << power_legend(first);

  const auto core = compare(
      {file_with("a", 1000, 50, 3000, "core"), file_with("b", 1500, 40, 3500, "core")}, nullptr);
  ASSERT_TRUE(core.rows.at(0).efficiency);
  EXPECT_EQ(core.rows[0].efficiency->kind, "core");
}

TEST(TelemetryCompare, ThrottledRunIsNamedAndATimedTestCountsRunsPerKilojoule) {
  ResultFile file = file_with("a", 2, 100, 3000);
  TestResult& test = file.tests[0];
  test.direction = Direction::LowerIsBetter;
  test.unit = "s";
  test.runs.push_back(run_with_clock(2000, 100));
  test.refresh_derived();
  const Comparison table = compare({file, file}, nullptr);
  ASSERT_TRUE(table.rows.at(0).efficiency);
  EXPECT_EQ(table.rows[0].efficiency->unit, "runs per kJ");
  EXPECT_DOUBLE_EQ(table.rows[0].efficiency->values.at(0), 10);  // 100 J a run
  std::ostringstream text;
  make_text_reporter()->write(table, text);
  EXPECT_NE(text.str().find("run 4 throttled"), std::string::npos) << text.str();
  std::ostringstream markdown;
  make_markdown_reporter()->write(table, markdown);
  EXPECT_NE(markdown.str().find("| P-core GHz |"), std::string::npos) << markdown.str();
  std::ostringstream html;
  make_html_reporter()->write(table, html);
  EXPECT_NE(html.str().find("<th>P-core GHz</th>"), std::string::npos);
  EXPECT_NE(html.str().find("run 4 throttled"), std::string::npos);
}

TEST(TelemetryResult, ASchemaTwoFileReadsWithoutTelemetryAndShowsNoPowerTable) {
  const ResultFile old =
      read_result_file(std::string(COREBENCH_TEST_DATA) + "/fixtures/results/report-1.json");
  ASSERT_FALSE(old.tests.empty());
  for (const auto& test : old.tests) EXPECT_EQ(test.telemetry.runs, 0) << test.name;
  std::ostringstream text;
  make_text_reporter()->write(compare({old}, nullptr), text);
  EXPECT_EQ(text.str().find("GHz"), std::string::npos);
}

// `info` lists what the sampler would read, on fixture trees as on this machine.
TEST(TelemetryInfo, ListsTheSensorsFoundAndSaysNotAvailableForTheRest) {
  const auto arm = testing::run_command(
      {COREBENCH_BIN, "info", "--json", "--sysfs-root", kFixtures + "arm-rk3588"});
  ASSERT_EQ(arm.exit_code, 0) << arm.err;
  const nlohmann::json sensors = nlohmann::json::parse(arm.out).at("sensors");
  EXPECT_EQ(sensors.at("clock").size(), 8u);
  EXPECT_EQ(sensors.at("temperature").at(1), "thermal_zone1 (bigcore0-thermal)");
  EXPECT_TRUE(sensors.at("energy").empty());
  const auto intel =
      testing::run_command({COREBENCH_BIN, "info", "--sysfs-root", kFixtures + "intel-rapl"});
  ASSERT_EQ(intel.exit_code, 0) << intel.err;
  EXPECT_NE(intel.out.find("intel-rapl:0:0 (core) [core, energy]"), std::string::npos) << intel.out;
  EXPECT_NE(intel.out.find("thermal_throttle (4 CPUs)"), std::string::npos) << intel.out;
  const auto nothing =
      testing::run_command({COREBENCH_BIN, "info", "--sysfs-root", kFixtures + "nothing"});
  ASSERT_EQ(nothing.exit_code, 0) << nothing.err;
  EXPECT_NE(nothing.out.find("Sensors    clock: not available"), std::string::npos) << nothing.out;
  EXPECT_NE(nothing.out.find("energy: not available"), std::string::npos) << nothing.out;
}

class TelemetryEndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corebench-telemetry-e2e-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  ResultFile run(const std::vector<std::string>& extra, const std::string& workload = "steady") {
    const fs::path output = dir_ / "results.json";
    fs::remove(output);
    std::vector<std::string> argv = {COREBENCH_TESTBIN, "run", workload,   "--runs",       "2",
                                     "--reference",     "",    "--output", output.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const auto result = testing::run_command(argv);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    progress_ = result.err;
    return read_result_file(output);
  }
  fs::path dir_;
  std::string progress_;  // the run's stderr
};

// This machine's own sensors: what it has is recorded (on x86 at least the
// clock; under qemu-user and in containers the host's /proc and /sys).
TEST_F(TelemetryEndToEnd, EveryRunRecordsWhatThisMachineHasAndNoTelemetryRecordsNothing) {
  const int cpu = allowed_cpus().front();
  const Sensors here = discover_sensors("/", CpuSet({cpu}));
  const ResultFile with = run({"--cpus", std::to_string(cpu)});
  ASSERT_EQ(with.tests.size(), 1u);
  const TestResult& test = with.tests[0];
  ASSERT_EQ(test.runs.size(), 3u);  // warm-up and 2
  for (const auto& r : test.runs) {
    EXPECT_TRUE(r.telemetry.recorded);
    EXPECT_GE(r.telemetry.samples, 2);
    EXPECT_EQ(r.telemetry.clocks.empty(), here.clocks.empty());
  }
  EXPECT_EQ(test.telemetry.runs, 2);
  // The progress line names the clock where one was read.
  EXPECT_EQ(progress_.find(" GHz") != std::string::npos, !here.clocks.empty()) << progress_;
  const ResultFile without = run({"--cpus", std::to_string(cpu), "--no-telemetry"});
  for (const auto& r : without.tests.at(0).runs) EXPECT_FALSE(r.telemetry.recorded);
  EXPECT_EQ(without.tests.at(0).telemetry.runs, 0);
}

// The sampler reads while the run step is timed, not during its prepare
// and verify steps: half a second each around a 20 ms run.
TEST_F(TelemetryEndToEnd, TheSampledWindowIsTheTimedRunWithoutPrepareOrVerify) {
  const ResultFile file = run({"--cpus", std::to_string(allowed_cpus().front())}, "slow-steps");
  const TestResult& test = file.tests.at(0);
  ASSERT_EQ(test.status, Status::Ok) << test.error;
  for (const auto& r : test.runs) {
    ASSERT_TRUE(r.telemetry.recorded);
    EXPECT_GE(r.telemetry.samples, 2);
    EXPECT_LT(r.telemetry.seconds, 0.5) << "the window took in a 0.5 s prepare or verify step";
  }
}

}  // namespace
}  // namespace corebench
