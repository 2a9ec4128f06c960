#include "runner/machine/isa.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <optional>

#include "runner/exec/self_command.h"
#include "runner/machine/isa_guard.h"
#include "runner/machine/sysfs.h"
#include "runner/machine/system_info.h"
#include "support/run_command.h"

namespace corebench {
namespace {

// The first CPU's lines of real /proc/cpuinfo files (from hwloc's test data,
// see /work/shared/fixtures/sysfs): an NVIDIA DGX Spark (GB10) and a
// 13th-gen Intel Core i7-1370P.
constexpr const char* kGb10Cpuinfo =
    "processor\t: 0\n"
    "BogoMIPS\t: 2000.00\n"
    "Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid "
    "asimdrdm jscvt fcma lrcpc dcpop sha3 sm3 sm4 asimddp sha512 sve asimdfhm dit uscat ilrcpc "
    "flagm sb paca pacg dcpodp sve2 sveaes svepmull svebitperm svesha3 svesm4 flagm2 frint "
    "svei8mm svebf16 i8mm bf16 dgh bti ecv afp wfxt\n"
    "CPU implementer\t: 0x41\n"
    "CPU architecture: 8\n"
    "CPU variant\t: 0x0\n"
    "CPU part\t: 0xd87\n"
    "CPU revision\t: 1\n";
constexpr const char* kI7Cpuinfo =
    "processor\t: 0\n"
    "vendor_id\t: GenuineIntel\n"
    "model name\t: 13th Gen Intel(R) Core(TM) i7-1370P\n"
    "flags\t\t: fpu vme sse sse2 pni pclmulqdq ssse3 fma sse4_1 sse4_2 movbe popcnt avx f16c "
    "abm bmi1 avx2 bmi2 avx_vnni gfni vaes vpclmulqdq\n";

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::vector<std::string> built_for() {
  std::vector<std::string> list;
  for (const char* const* name = isa_guard::kBuiltFor; *name; ++name) list.emplace_back(*name);
  return list;
}

// Sets an environment variable for one scope and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value, 1);
  }
  ~ScopedEnv() { old_ ? setenv(name_, old_->c_str(), 1) : unsetenv(name_); }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(Isa, ReadsTheExtensionsOfACpuinfo) {
  const auto gb10 = cpuinfo_isa(kGb10Cpuinfo);
  for (const char* name : {"asimd", "sve", "sve2", "i8mm", "bf16", "atomics"})
    EXPECT_TRUE(contains(gb10, name)) << name;
  EXPECT_FALSE(contains(gb10, "avx2"));
  const auto i7 = cpuinfo_isa(kI7Cpuinfo);
  EXPECT_TRUE(contains(i7, "avx2"));
  EXPECT_FALSE(contains(i7, "avx512f"));  // hybrid Intel: no AVX-512
  EXPECT_TRUE(cpuinfo_isa("processor\t: 0\n").empty());
}

TEST(Isa, TellsWhichArchitectureACpuinfoDescribes) {
  EXPECT_EQ(cpuinfo_arch(kGb10Cpuinfo), "aarch64");
  EXPECT_EQ(cpuinfo_arch(kI7Cpuinfo), "x86_64");
  EXPECT_EQ(cpuinfo_arch("processor\t: 0\n"), "");
}

TEST(Isa, EveryExtensionTheBuildNeedsCanBeChecked) {
  for (const auto& name : built_for())
    EXPECT_NE(isa_guard::cpu_has(name.c_str()), -1) << name << " has no detection";
  EXPECT_EQ(isa_guard::cpu_has("no-such-extension"), -1);
}

TEST(Isa, ReportListsWhatIsMissing) {
  const IsaReport report = isa_report();
  EXPECT_EQ(report.built_for, built_for());
  for (const auto& name : report.built_for)
    EXPECT_EQ(contains(report.missing, name), !contains(report.cpu, name)) << name;
}

// "Has" follows the kernel: on x86 an extension counts only where CPUID
// reports it and /proc/cpuinfo lists it, so a feature a hypervisor hides
// from the kernel (LZCNT on some VMs) is never one the CPU has; on aarch64
// the hwcaps are the kernel's own list.
TEST(Isa, DetectionAgreesWithProcCpuinfo) {
  const std::string cpuinfo = read_text("/proc/cpuinfo").value_or("");
  if (cpuinfo_arch(cpuinfo) != build_info().arch)
    GTEST_SKIP() << "/proc/cpuinfo describes another architecture (run under an emulator)";
  const auto listed = cpuinfo_isa(cpuinfo);
  const bool x86 = build_info().arch == "x86_64";
  for (const char* const* name = isa_guard::detectable(); *name; ++name) {
    const bool reported = isa_guard::cpuid_has(*name) == 1;
    const bool expected = x86 ? reported && contains(listed, *name) : reported;
    EXPECT_EQ(isa_guard::cpu_has(*name) == 1, expected) << *name;
    if (isa_guard::cpu_has(*name) == 1) {
      EXPECT_TRUE(contains(listed, *name)) << *name;
    }
  }
}

// The guard reads the kernel's flags with its own C-only parser.
TEST(IsaGuard, ReadsTheKernelsFlagsLine) {
  const std::string zen5_vm =
      read_text(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/amd-zen5-vm-2cpu/proc/cpuinfo")
          .value();
  EXPECT_EQ(isa_guard::kernel_lists(zen5_vm.c_str(), "avx512f"), 1);
  EXPECT_EQ(isa_guard::kernel_lists(zen5_vm.c_str(), "avx512_vp2intersect"), 1);
  EXPECT_EQ(isa_guard::kernel_lists(zen5_vm.c_str(), "abm"), 0) << "hidden by the hypervisor";
  EXPECT_EQ(isa_guard::kernel_lists(zen5_vm.c_str(), "avx512"), 0) << "whole words only";
  EXPECT_EQ(isa_guard::kernel_lists(kI7Cpuinfo, "abm"), 1);
  EXPECT_EQ(isa_guard::kernel_lists(kI7Cpuinfo, "fpu"), 1);
  EXPECT_EQ(isa_guard::kernel_lists(kI7Cpuinfo, "avx512f"), 0);
  EXPECT_EQ(isa_guard::kernel_lists("flagsx : abm\n", "abm"), -1);
  EXPECT_EQ(isa_guard::kernel_lists(kGb10Cpuinfo, "sve"), -1) << "Arm says Features";
  EXPECT_EQ(isa_guard::kernel_lists("", "abm"), -1);
}

std::string missing_report(const char* const* built, int (*has)(const char*), int& count) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  count = isa_guard::report_missing(fds[1], built, has);
  close(fds[1]);
  std::string text;
  char buffer[512];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof(buffer))) > 0;) text.append(buffer, n);
  close(fds[0]);
  return text;
}

int has_only_neon(const char* name) {
  const std::string n = name;
  if (n == "asimd") return 1;
  return n == "mystery" ? -1 : 0;
}

TEST(IsaGuard, NamesEveryMissingExtensionOnOneLine) {
  const char* const built[] = {"asimd", "sve", "sve2", "mystery", nullptr};
  int count = 0;
  const std::string text = missing_report(built, has_only_neon, count);
  EXPECT_EQ(count, 2);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
  EXPECT_NE(text.find("this CPU lacks sve, sve2, which"), std::string::npos) << text;
  EXPECT_NE(text.find("COREBENCH_SKIP_ISA_CHECK=1"), std::string::npos) << text;
  EXPECT_EQ(text.find("mystery"), std::string::npos) << "undetectable is not missing: " << text;
}

TEST(IsaGuard, SaysNothingWhenTheCpuHasEverything) {
  const char* const built[] = {"asimd", nullptr};
  int count = -1;
  EXPECT_EQ(missing_report(built, has_only_neon, count), "");
  EXPECT_EQ(count, 0);
}

// The GB10 build must not use an extension the GB10 lacks: its flags are
// chosen by what the compiler knows, this checks what they turned on.
TEST(IsaGuard, TheGb10BuildRunsOnTheGb10) {
  if (build_info().target != "gb10")
    GTEST_SKIP() << "this is a " << build_info().target << " build";
  const auto gb10 = cpuinfo_isa(kGb10Cpuinfo);
  for (const auto& name : built_for()) EXPECT_TRUE(contains(gb10, name)) << name;
  EXPECT_TRUE(contains(built_for(), "sve2"));
}

// End to end, with qemu standing in for an older CPU: the binary refuses
// with one line before doing anything, unless told to go on.
TEST(IsaGuard, RefusesToStartOnAnOlderCpu) {
  std::vector<std::string> emulator = emulator_command();
  const auto cpu = std::find(emulator.begin(), emulator.end(), "-cpu");
  if (cpu == emulator.end() || cpu + 1 == emulator.end())
    GTEST_SKIP() << "needs qemu (COREBENCH_EMULATOR with -cpu) to stand in for an older CPU";
  if (!contains(built_for(), "sve"))
    GTEST_SKIP() << "this build runs on an Armv8.0 CPU; nothing to refuse";
  *(cpu + 1) = "cortex-a53";  // Armv8.0-A: no SVE
  emulator.push_back(COREBENCH_BIN);
  emulator.push_back("info");

  const auto refused = testing::run_exact(emulator);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
  EXPECT_NE(refused.err.find("this CPU lacks"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("sve"), std::string::npos) << refused.err;

  // Told to go on, it does: `info` warns, unless the compiler's SVE code
  // kills it first, which is what the check is there for.
  const ScopedEnv skip("COREBENCH_SKIP_ISA_CHECK", "1");
  const auto forced = testing::run_exact(emulator);
  EXPECT_EQ(forced.err.find("this CPU lacks"), std::string::npos) << forced.err;
  if (forced.exit_code == 0)
    EXPECT_NE(forced.out.find("Warning      this CPU lacks"), std::string::npos) << forced.out;
  else
    EXPECT_EQ(forced.exit_code, 128 + SIGILL) << forced.err;
}

TEST(SelfCommand, EmulatorWordsComeFromTheEnvironment) {
  {
    const ScopedEnv env("COREBENCH_EMULATOR", " qemu-aarch64  -cpu max ");
    EXPECT_EQ(emulator_command(), (std::vector<std::string>{"qemu-aarch64", "-cpu", "max"}));
    const auto self = self_command();
    ASSERT_EQ(self.size(), 4u);
    EXPECT_NE(self.back().find("corebench_tests"), std::string::npos) << self.back();
  }
  const ScopedEnv env("COREBENCH_EMULATOR", "");
  EXPECT_TRUE(emulator_command().empty());
}

// Under qemu-user, /proc is the host's: info must not pass the host's CPU
// off as the emulated one.
TEST(SystemInfo, AnEmulatedBinarySaysItIs) {
  const SystemInfo info = read_system_info(detect_topology());
  const std::string described = cpuinfo_arch(read_text("/proc/cpuinfo").value_or(""));
  const bool emulated = !described.empty() && described != info.build.arch;
  EXPECT_EQ(info.cpu_model.find("binary is emulated") != std::string::npos, emulated)
      << info.cpu_model;
}

}  // namespace
}  // namespace corebench
