// CPU sets and their expression language, evaluated against the fixture
// machines (tests/fixtures/sysfs).
#include <gtest/gtest.h>

#include "runner/common/error.h"
#include "runner/machine/cpu_set_expression.h"
#include "runner/machine/topology.h"

namespace corebench {
namespace {

CpuSet list(const char* text) {
  return CpuSet::parse_list(text);
}

const Topology& machine(const std::string& name) {
  static std::map<std::string, Topology> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    it = cache
             .emplace(name,
                      detect_topology(std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + name))
             .first;
  }
  return it->second;
}

std::string resolve(const std::string& expression, const std::string& name) {
  return resolve_cpu_set(expression, machine(name)).to_string();
}

// The error message, or "" when the expression resolved.
std::string error_of(const std::string& expression, const std::string& name) {
  try {
    resolve_cpu_set(expression, machine(name));
  } catch (const CpuSetError& error) {
    return error.what();
  }
  return "";
}

TEST(CpuSet, CompactListForm) {
  EXPECT_EQ(CpuSet().to_string(), "");
  EXPECT_EQ(CpuSet({3}).to_string(), "3");
  EXPECT_EQ(CpuSet({1, 0}).to_string(), "0-1");
  EXPECT_EQ(CpuSet({7, 0, 1, 2, 4, 6, 2}).to_string(), "0-2,4,6-7");
  EXPECT_EQ(list("0-4,10-14").size(), 10u);
  EXPECT_EQ(list("5,1-2\n").ids(), (std::vector<int>{1, 2, 5}));
  EXPECT_TRUE(list("").empty());
}

TEST(CpuSet, BadKernelListsThrow) {
  for (const char* bad : {"4-2", "a", "1,,2", "-1", "0-99999999", "1-", " 3"}) {
    EXPECT_THROW(list(bad), Error) << bad;
  }
}

TEST(CpuSet, SetOperations) {
  const CpuSet a = list("0-5"), b = list("4-9");
  EXPECT_EQ((a | b).to_string(), "0-9");
  EXPECT_EQ((a & b).to_string(), "4-5");
  EXPECT_EQ((a - b).to_string(), "0-3");
  EXPECT_EQ(b.first_n(3).to_string(), "4-6");
  EXPECT_TRUE(a.contains(5));
  EXPECT_FALSE(a.contains(6));
}

TEST(CpuSetExpression, Gb10Names) {
  const std::string gb10 = "nvidia-dgx-gb10";
  EXPECT_EQ(resolve("all", gb10), "0-19");
  EXPECT_EQ(resolve("x925", gb10), "5-9,15-19");
  EXPECT_EQ(resolve("a725", gb10), "0-4,10-14");
  EXPECT_EQ(resolve("big", gb10), "5-9,15-19");
  EXPECT_EQ(resolve("little", gb10), "0-4,10-14");
  EXPECT_EQ(resolve("X925", gb10), "5-9,15-19");
  EXPECT_EQ(resolve("cluster0", gb10), "0-9");
  EXPECT_EQ(resolve("cluster1", gb10), "10-19");
  EXPECT_EQ(resolve("cluster:1", gb10), "10-19");
  EXPECT_EQ(resolve("l3:1", gb10), "10-19");
  EXPECT_EQ(resolve("core:7", gb10), "7");
  EXPECT_EQ(resolve("smt-primary", gb10), "0-19");
  EXPECT_EQ(resolve("node0", gb10), "0-19");
}

// A dump is another machine: this process's affinity says nothing of it.
TEST(CpuSetExpression, EveryOnlineCpuOfADumpIsAllowed) {
  const Topology& gb10 = machine("nvidia-dgx-gb10");
  EXPECT_EQ(gb10.allowed, gb10.online);
  EXPECT_EQ(resolve("all", "amd-zen5-vm-2cpu"), "0-1");
}

TEST(CpuSetExpression, ListsRangesAndDifferences) {
  const std::string gb10 = "nvidia-dgx-gb10";
  EXPECT_EQ(resolve("0-4", gb10), "0-4");  // a range, not 0 minus 4
  EXPECT_EQ(resolve("0-4,10-14", gb10), "0-4,10-14");
  EXPECT_EQ(resolve("x925-cluster0", gb10), "15-19");  // a difference
  EXPECT_EQ(resolve(" x925 - cluster0 ", gb10), "15-19");
  EXPECT_EQ(resolve("all-0-4", gb10), "5-19");
  EXPECT_EQ(resolve("0-4-2", gb10), "0-1,3-4");
  EXPECT_EQ(resolve("x925+0", gb10), "0,5-9,15-19");
  EXPECT_EQ(resolve("(x925+a725)&cluster1", gb10), "10-19");
  EXPECT_EQ(resolve("x925+a725&cluster1", gb10), "10-19");  // left to right
  EXPECT_EQ(resolve("a725+(x925&cluster1)", gb10), "0-4,10-19");
}

TEST(CpuSetExpression, Counts) {
  const std::string gb10 = "nvidia-dgx-gb10";
  EXPECT_EQ(resolve("x925:3", gb10), "5-7");
  EXPECT_EQ(resolve("x925:1", gb10), "5");
  EXPECT_EQ(resolve("cluster1:2", gb10), "10-11");
  EXPECT_EQ(resolve("l3:1:3", gb10), "10-12");
  EXPECT_EQ(resolve("(x925-cluster0):2", gb10), "15-16");
  EXPECT_EQ(resolve("x925:1+a725:1", gb10), "0,5");
}

TEST(CpuSetExpression, StrixHaloCcdsAndSmt) {
  const std::string strix = "amd-strix-halo-synthetic";
  EXPECT_EQ(resolve("ccd0", strix), "0-7,16-23");
  EXPECT_EQ(resolve("ccd1", strix), "8-15,24-31");
  EXPECT_EQ(resolve("l3:0", strix), "0-7,16-23");
  EXPECT_EQ(resolve("smt-primary", strix), "0-15");
  EXPECT_EQ(resolve("smt-primary&ccd1", strix), "8-15");
  EXPECT_EQ(resolve("core:0", strix), "0,16");
  EXPECT_EQ(resolve("cluster3", strix), "3,19");  // not listed (one core each), still there
  EXPECT_EQ(error_of("ccd2", strix),
            "cpu set 'ccd2': there is no l3:2 (this machine has l3:0..1) (position 0)");
  EXPECT_EQ(resolve("zen5", strix), "0-31");
  EXPECT_EQ(resolve("big", strix), "0-31");  // one type is both the fastest and slowest
  EXPECT_NE(error_of("p", strix).find("unknown name 'p'"), std::string::npos);
}

// A VM whose sysfs has no cache files (and no CPUID answers in a dump).
TEST(CpuSetExpression, NoCacheDomainsIsSaidSo) {
  EXPECT_EQ(error_of("l2:0", "amd-zen5-vm-2cpu"),
            "cpu set 'l2:0': there is no l2:0 (this machine has none) (position 3)");
  EXPECT_EQ(resolve("zen5", "amd-zen5-vm-2cpu"), "0-1");
}

TEST(CpuSetExpression, IntelHybridPAndE) {
  const std::string i7 = "intel-i7-1370p-hybrid";
  EXPECT_EQ(resolve("p", i7), "0-11");
  EXPECT_EQ(resolve("e", i7), "12-19");
  EXPECT_EQ(resolve("big", i7), "0-11");
  EXPECT_EQ(resolve("little", i7), "12-19");
  EXPECT_EQ(resolve("p&smt-primary", i7), "0,2,4,6,8,10");
  EXPECT_EQ(resolve("l2:7", i7), "16-19");
  EXPECT_EQ(resolve("e:4", i7), "12-15");
}

TEST(CpuSetExpression, OfflineCpus) {
  const std::string arm = "arm-offline-cpu";
  EXPECT_EQ(resolve("all", arm), "0-5,7");
  EXPECT_EQ(resolve("big", arm), "7");
  EXPECT_EQ(resolve("a720", arm), "4-5");
  EXPECT_EQ(resolve("little", arm), "0-3");
  EXPECT_EQ(error_of("6", arm), "cpu set '6': CPUs 6 are not online (online: 0-5,7) (position 0)");
  EXPECT_NE(error_of("all-0+4-7", arm).find("CPUs 6 are not online"), std::string::npos);
}

TEST(CpuSetExpression, ErrorsNameTheTokenAndPosition) {
  const std::string gb10 = "nvidia-dgx-gb10";
  EXPECT_EQ(error_of("x925+x926", gb10),
            "cpu set 'x925+x926': unknown name 'x926' (names here: all, x925, a725, big, little, "
            "p, e, cluster0..1, l3:0..1, smt-primary, node0, core:N, l2:N, package:N) "
            "(position 5)");
  EXPECT_EQ(error_of("", gb10), "cpu set '': it is empty (position 0)");
  EXPECT_EQ(error_of("x925-x925", gb10), "cpu set 'x925-x925': it names no CPU (position 0)");
  EXPECT_EQ(error_of("x925&a725", gb10), "cpu set 'x925&a725': it names no CPU (position 0)");
  EXPECT_EQ(error_of("0-20", gb10),
            "cpu set '0-20': CPUs 20 are not online (online: 0-19) (position 0)");
  EXPECT_EQ(error_of("x925+", gb10),
            "cpu set 'x925+': expected a CPU list, a name or '(' but found 'end' (position 5)");
  EXPECT_EQ(error_of("x925:0", gb10), "cpu set 'x925:0': a count must be at least 1 (position 5)");
  EXPECT_EQ(error_of("x925:11", gb10),
            "cpu set 'x925:11': count 11 asks for more than the 10 CPUs of 'x925' (position 5)");
  EXPECT_EQ(error_of("core:20", gb10),
            "cpu set 'core:20': there is no core:20 (this machine has core:0..19) (position 5)");
  EXPECT_EQ(error_of("core", gb10),
            "cpu set 'core': 'core' needs an index, as in core:0 (position 0)");
  EXPECT_EQ(error_of("(x925", gb10), "cpu set '(x925': expected ')' (position 5)");
  EXPECT_EQ(error_of("all-4-2", gb10),
            "cpu set 'all-4-2': CPU list '4-2': range 4-2 at position 1 runs backwards "
            "(position 4)");
  EXPECT_EQ(error_of("x925 $", gb10), "cpu set 'x925 $': unexpected character '$' (position 5)");
  EXPECT_EQ(error_of("x925 a725", gb10), "cpu set 'x925 a725': unexpected 'a725' (position 5)");
  EXPECT_EQ(error_of("x925:a", gb10),
            "cpu set 'x925:a': expected a count but found 'a' (position 5)");
  EXPECT_EQ(error_of("ccd0", gb10),
            "cpu set 'ccd0': 'ccd' names exist on AMD only; use l3:N (position 0)");
}

TEST(CpuSetExpression, NamedSetsOfGb10) {
  std::vector<std::string> names;
  for (const auto& [name, cpus] : named_cpu_sets(machine("nvidia-dgx-gb10"))) names.push_back(name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"all", "x925", "a725", "big", "little", "p", "e", "cluster0",
                                      "cluster1", "l3:0", "l3:1", "smt-primary", "node0"}));
}

}  // namespace
}  // namespace corebench
