// The machine's state: facts read from the fixture dumps, the load a test
// starts under, and the pre-flight check (with a real busy process).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "runner/machine/machine_load.h"
#include "runner/machine/system_info.h"
#include "runner/machine/topology.h"
#include "runner/results/result.h"
#include "support/run_command.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

std::string fixture(const std::string& name) {
  return std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + name;
}

TEST(MachineState, ReadFromALaptopDump) {
  const SystemInfo info = read_system_info(detect_topology(fixture("amd-strix-halo-synthetic")));
  EXPECT_EQ(info.microcode, "0xb70000d");
  EXPECT_NE(info.kernel_cmdline.find("amd_pstate=active"), std::string::npos);
  EXPECT_EQ(info.cpufreq_driver, "amd-pstate-epp");
  EXPECT_EQ(info.governor, "powersave");
  EXPECT_EQ(info.boost, "on");
  EXPECT_EQ(info.energy_preference, "balance_performance");
  EXPECT_EQ(info.platform_profile, "balanced");
  EXPECT_EQ(info.transparent_hugepages, "madvise");
  EXPECT_EQ(info.hypervisor, "none");  // x86 flags without "hypervisor"
  ASSERT_EQ(info.mitigations.size(), 4u);
  EXPECT_EQ(info.mitigations.at("meltdown"), "Not affected");
  EXPECT_TRUE(info.environment.empty());  // a dump has no environment
  EXPECT_EQ(read_load_average(fixture("amd-strix-halo-synthetic")),
            (std::vector<double>{0.52, 0.61, 0.70}));
}

TEST(MachineState, ReadFromThisProjectsVm) {
  const SystemInfo info = read_system_info(detect_topology(fixture("amd-zen5-vm-2cpu")));
  EXPECT_EQ(info.hypervisor, "yes");
  EXPECT_EQ(info.transparent_hugepages, "madvise");
  EXPECT_EQ(info.mitigations.size(), 19u);  // the kernel's 19 files, one line each
  EXPECT_EQ(info.mitigations.at("meltdown"), "Mitigation: PTI");
  EXPECT_EQ(info.mitigations.at("spectre_v2").rfind("Mitigation", 0), 0u);
  // No cpufreq and no microcode line in a guest: unknown, not an error.
  EXPECT_EQ(info.cpufreq_driver, "");
  EXPECT_EQ(info.boost, "");
  EXPECT_EQ(info.microcode, "");
}

TEST(MachineState, AbsentEverywhereIsUnknown) {
  const SystemInfo info = read_system_info(detect_topology(fixture("one-cpu")));
  EXPECT_EQ(info.kernel_cmdline, "");
  EXPECT_EQ(info.platform_profile, "");
  EXPECT_EQ(info.transparent_hugepages, "");
  EXPECT_TRUE(info.mitigations.empty());
  EXPECT_TRUE(read_load_average(fixture("one-cpu")).empty());
}

TEST(MachineState, SurvivesTheResultFileAndOldFilesReadAsUnknown) {
  SystemInfo info = read_system_info(detect_topology(fixture("amd-strix-halo-synthetic")));
  info.environment = {{"OMP_PROC_BIND", "true"}};
  info.preflight = {"runs under a hypervisor"};
  const SystemInfo back = system_info_from_json(to_json(info));
  EXPECT_EQ(back.cpufreq_driver, "amd-pstate-epp");
  EXPECT_EQ(back.mitigations, info.mitigations);
  EXPECT_EQ(back.environment, info.environment);
  EXPECT_EQ(back.preflight, info.preflight);
  const SystemInfo old = system_info_from_json({{"hostname", "old"}, {"governor", "performance"}});
  EXPECT_EQ(old.microcode, "");
  EXPECT_TRUE(old.mitigations.empty());
}

TEST(MachineState, EnvironmentOfThisProcess) {
  ::setenv("OMP_WAIT_POLICY", "passive", 1);
  ::setenv("OPENBLAS_NUM_THREADS", "1", 1);
  const SystemInfo info = read_system_info(detect_topology("/"));
  ::unsetenv("OMP_WAIT_POLICY");
  ::unsetenv("OPENBLAS_NUM_THREADS");
  EXPECT_EQ(info.environment.at("OMP_WAIT_POLICY"), "passive");
  EXPECT_EQ(info.environment.at("OPENBLAS_NUM_THREADS"), "1");
  EXPECT_EQ(info.environment.count("PATH"), 0u);
}

TEST(Preflight, GovernorAndHypervisorWarn) {
  SystemInfo info;
  EXPECT_TRUE(preflight_warnings(info, CpuSet({0}), {}).empty());
  info.governor = "performance";
  info.hypervisor = "none";
  EXPECT_TRUE(preflight_warnings(info, CpuSet({0}), {}).empty());
  info.governor = "powersave";
  info.hypervisor = "xen";
  const auto warnings = preflight_warnings(info, CpuSet({0}), {});
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0], "the cpufreq governor is powersave, not performance");
  EXPECT_EQ(warnings[1], "runs under a hypervisor (xen): other guests share the CPUs");
}

// Every CPU of the tests counts, not only cpu 0: a hybrid laptop may run
// its E-cores on another governor.
TEST(Preflight, TheGovernorOfEveryCpuOfTheTests) {
  const std::string dumps = std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/";
  const auto laptop = read_governors(dumps + "intel-i7-1370p-hybrid");
  ASSERT_EQ(laptop.size(), 20u);
  EXPECT_EQ(laptop.at(19), "powersave");
  const auto gb10 = read_governors(dumps + "nvidia-dgx-gb10");
  ASSERT_EQ(gb10.size(), 20u);
  EXPECT_EQ(gb10.at(5), "performance");
  EXPECT_TRUE(read_governors(dumps + "amd-zen5-vm-2cpu").empty());

  SystemInfo info;
  info.governor = "performance";  // cpu 0's
  EXPECT_TRUE(preflight_warnings(info, CpuSet({0, 1, 2, 3}), {}, gb10).empty());
  std::map<int, std::string> mixed = gb10;
  mixed[2] = mixed[3] = "schedutil";
  EXPECT_EQ(
      preflight_warnings(info, CpuSet({0, 1, 2, 3}), {}, mixed),
      std::vector<std::string>{"the cpufreq governor of CPUs 2-3 is schedutil, not performance"});
  EXPECT_EQ(preflight_warnings(info, CpuSet({2, 3}), {}, mixed),
            std::vector<std::string>{"the cpufreq governor is schedutil, not performance"});
  EXPECT_EQ(preflight_warnings(info, CpuSet({16, 17}), {}, laptop),
            std::vector<std::string>{"the cpufreq governor is powersave, not performance"});
}

TEST(Preflight, BusyOnlyCountsTheTestsCpus) {
  LoadSample sample;
  sample.processes = {{42, "spinner", 0.97, 1}, {43, "idle-ish", 0.05, 0}};
  sample.cpu_busy = {{0, 0.05}, {1, 0.97}};
  const auto on_one = preflight_warnings({}, CpuSet({1}), sample);
  ASSERT_EQ(on_one.size(), 1u);
  EXPECT_EQ(on_one[0], "busy: spinner (pid 42) used 97 % of a CPU on cpu 1");
  EXPECT_TRUE(preflight_warnings({}, CpuSet({0}), sample).empty());
  // Busy time nobody is named for still counts.
  sample.processes.clear();
  EXPECT_EQ(preflight_warnings({}, CpuSet({1}), sample),
            std::vector<std::string>{"busy: cpu 1 was 97 % busy"});
}

// A child spinning on `cpu` until killed.
pid_t spin_on(int cpu) {
  const pid_t pid = fork();
  if (pid == 0) {
    pin_calling_thread({cpu});
    volatile unsigned long spins = 0;
    for (;;) spins = spins + 1;
  }
  return pid;
}

void stop(pid_t pid) {
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

// The last CPU this process may run on (a container or taskset may allow
// fewer than are online).
int last_allowed_cpu() {
  return allowed_cpus().back();
}

TEST(Preflight, FindsARealBusyProcess) {
  const int cpu = last_allowed_cpu();
  const pid_t spinner = spin_on(cpu);
  ASSERT_GT(spinner, 0);
  const LoadSample sample = sample_load("/", kPreflightSeconds);
  stop(spinner);
  const auto warnings = preflight_warnings({}, CpuSet({cpu}), sample);
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings[0].find(fmt::format("(pid {})", spinner)), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find(fmt::format("on cpu {}", cpu)), std::string::npos) << warnings[0];
}

TEST(Preflight, StrictRefusesToStartOnABusyMachine) {
  const int cpu = last_allowed_cpu();
  const pid_t spinner = spin_on(cpu);
  ASSERT_GT(spinner, 0);
  const std::string output = ::testing::TempDir() + "/strict-refused.json";
  const auto result =
      testing::run_command({COREBENCH_BIN, "run", "sysbench:events=100", "--cpus",
                            std::to_string(cpu), "--runs", "1", "--strict", "--output", output});
  stop(spinner);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("refusing to start (--strict): "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(fmt::format("(pid {})", spinner)), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_FALSE(std::filesystem::exists(output));  // nothing ran
}

TEST(Preflight, WithoutStrictTheWarningsAreRecorded) {
  const int cpu = last_allowed_cpu();
  const pid_t spinner = spin_on(cpu);
  ASSERT_GT(spinner, 0);
  const std::string output = ::testing::TempDir() + "/preflight-recorded.json";
  std::filesystem::remove(output);  // a result file is never overwritten
  const auto result =
      testing::run_command({COREBENCH_BIN, "run", "sysbench:events=100", "--cpus",
                            std::to_string(cpu), "--runs", "1", "--no-warmup", "--output", output});
  stop(spinner);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("corebench: warning: busy:"), std::string::npos) << result.err;
  const ResultFile file = read_result_file(output);
  ASSERT_FALSE(file.system.preflight.empty());
  EXPECT_NE(file.system.preflight[0].find(fmt::format("(pid {})", spinner)), std::string::npos);
  ASSERT_EQ(file.tests.size(), 1u);
  EXPECT_EQ(file.tests[0].start_load.load_average.size(), 3u);
}

}  // namespace
}  // namespace corebench
