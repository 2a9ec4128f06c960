#include "workloads/ramspeed/ramspeed.h"

#include <gtest/gtest.h>

#include <chrono>

#include "workloads/ramspeed/ramspeed_kernel.h"

namespace corebench {
namespace {

using ramspeed::Op;
using ramspeed::RamspeedKernel;

OptionValues options(const std::string& op, const std::string& type) {
  return OptionValues::resolve(make_ramspeed_entry().info.options,
                               {{"op", op}, {"type", type}, {"size", "3MiB"}, {"passes", "2"}});
}

template <class T>
void check_every_op(const std::string& type) {
  for (auto [name, op] : {std::pair{"copy", Op::Copy}, std::pair{"scale", Op::Scale},
                          std::pair{"add", Op::Add}, std::pair{"triad", Op::Triad}}) {
    RamspeedKernel<T> workload(op);
    workload.setup(options(name, type), {2, 0, 0});
    workload.prepare();
    const RunOutput out = workload.run();
    const Verdict verdict = workload.verify();
    EXPECT_TRUE(verdict.ok) << name << " " << type << ": " << verdict.detail;
    // Bytes as STREAM counts them: 2 arrays for copy/scale, 3 for add/triad,
    // of a 3 MiB total, twice.
    EXPECT_NEAR(out.work, 2 * 3.0 * (1 << 20) / 1e6, 1e-3) << name;
  }
}

TEST(Ramspeed, EveryKernelVerifiesForIntAndFloat) {
  check_every_op<std::int64_t>("int");
  check_every_op<double>("float");
}

void set_up_copy(RamspeedKernel<double>& workload, const std::string& size,
                 const std::string& passes) {
  workload.setup(OptionValues::resolve(make_ramspeed_entry().info.options,
                                       {{"op", "copy"}, {"size", size}, {"passes", passes}}),
                 {2, 0, 0});
  workload.prepare();
}

TEST(Ramspeed, ReportsItsFastestRoundOfPasses) {
  // 16 MiB per pass: rounds of 4 passes move the 64 MiB a round needs, so
  // 8 passes are 2 rounds and the figure is the faster round's.
  RamspeedKernel<double> workload(Op::Copy);
  set_up_copy(workload, "16MiB", "8");
  const auto start = std::chrono::steady_clock::now();
  const RunOutput out = workload.run();
  const std::chrono::duration<double> whole = std::chrono::steady_clock::now() - start;
  EXPECT_NEAR(out.work, 4 * 16.0 * (1 << 20) / 1e6, 1e-3);
  EXPECT_GT(out.seconds, 0);
  EXPECT_LT(out.seconds, whole.count() / 2 * 1.0001);  // the faster of two rounds
  EXPECT_EQ(workload.verify().facts.at("passes"), 8);
}

TEST(Ramspeed, PassesRoundUpToWholeRounds) {
  RamspeedKernel<double> workload(Op::Copy);
  set_up_copy(workload, "16MiB", "5");
  workload.run();
  EXPECT_EQ(workload.verify().facts.at("passes"), 8);
}

TEST(Ramspeed, CorruptedElementIsCaught) {
  RamspeedKernel<double> workload(Op::Triad);
  workload.setup(options("triad", "float"), {2, 0, 0});
  workload.prepare();
  workload.run();
  workload.output()[12345] += 1e-9;
  const Verdict verdict = workload.verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_NE(verdict.detail.find("first at index 12345"), std::string::npos) << verdict.detail;
  EXPECT_EQ(verdict.facts.at("wrong_elements"), 1);
}

TEST(Ramspeed, CorruptedIntegerIsCaught) {
  RamspeedKernel<std::int64_t> workload(Op::Add);
  workload.setup(options("add", "int"), {1, 0, 0});
  workload.prepare();
  workload.run();
  workload.output()[0] ^= 1;
  EXPECT_FALSE(workload.verify().ok);
}

TEST(Ramspeed, ARunThatWritesNothingFails) {
  RamspeedKernel<double> workload(Op::Copy);
  workload.setup(options("copy", "float"), {2, 0, 0});
  workload.prepare();  // poisons the output; no run follows
  EXPECT_FALSE(workload.verify().ok);
}

TEST(Ramspeed, ArraysLargerThanTheMemoryAreRefusedInOneLine) {
  RamspeedKernel<double> workload(Op::Copy);
  const auto values =
      OptionValues::resolve(make_ramspeed_entry().info.options, {{"op", "copy"}, {"size", "1GiB"}});
  try {
    workload.setup(values, {1, 0, 1ull << 30});
    ADD_FAILURE() << "1 GiB of arrays accepted on a 1 GiB machine";
  } catch (const OptionError& e) {
    EXPECT_NE(std::string(e.what()).find("option 'size': 1GiB"), std::string::npos) << e.what();
  }
}

TEST(Ramspeed, AutoSizeFollowsTheLastLevelCache) {
  auto entry = make_ramspeed_entry();
  auto workload = entry.make();
  // 8 x 256 KiB is far below the 512 MiB floor: the floor applies. Only
  // setup is exercised (it allocates; the test stays fast).
  const auto values = OptionValues::resolve(entry.info.options, {{"passes", "1"}});
  workload->setup(values, {1, 256 << 10, 0});
  workload->prepare();
  workload->run();
  const Verdict verdict = workload->verify();
  EXPECT_TRUE(verdict.ok);
  EXPECT_EQ(verdict.facts.at("elements"), (512 << 20) / 3 / 8);
}

}  // namespace
}  // namespace corebench
