#include "workloads/options.h"

#include <gtest/gtest.h>

namespace corebench {
namespace {

const std::vector<OptionSpec> kSpecs = {
    option("op").choice({"copy", "triad"}).by_default("copy").help(""),
    option("n").integer(1, 100).by_default("10").help(""),
    option("re").real(1, 1e4).by_default("100").help(""),
    option("size").bytes(1024, 1ull << 30).by_default("auto").help(""),
};

TEST(ParseBytes, UnitsAndErrors) {
  EXPECT_EQ(parse_bytes("4096"), 4096u);
  EXPECT_EQ(parse_bytes("64MiB"), 64u << 20);
  EXPECT_EQ(parse_bytes("64M"), 64u << 20);
  EXPECT_EQ(parse_bytes("1.5GiB"), 3u << 29);
  EXPECT_EQ(parse_bytes("2KB"), 2000u);
  EXPECT_THROW(parse_bytes("MiB"), OptionError);
  EXPECT_THROW(parse_bytes("12 apples"), OptionError);
  EXPECT_THROW(parse_bytes("-1K"), OptionError);
  EXPECT_EQ(format_bytes(64u << 20), "64MiB");
  EXPECT_EQ(format_bytes(1000), "1000");
}

TEST(ResolveOptions, DefaultsFillIn) {
  const auto values = OptionValues::resolve(kSpecs, {{"op", "triad"}});
  EXPECT_EQ(values.text("op"), "triad");
  EXPECT_EQ(values.integer("n"), 10);
  EXPECT_TRUE(values.is_auto("size"));
}

TEST(ResolveOptions, TypedValues) {
  const auto values =
      OptionValues::resolve(kSpecs, {{"n", "42"}, {"re", "400.5"}, {"size", "2KiB"}});
  EXPECT_EQ(values.integer("n"), 42);
  EXPECT_DOUBLE_EQ(values.real("re"), 400.5);
  EXPECT_EQ(values.bytes("size"), 2048u);
}

void expect_error(const std::map<std::string, std::string>& given, const std::string& words) {
  try {
    OptionValues::resolve(kSpecs, given);
    FAIL() << "accepted: " << words;
  } catch (const OptionError& e) {
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
}

TEST(ResolveOptions, BadInputNamesTheProblem) {
  expect_error({{"colour", "red"}}, "unknown option 'colour'");
  expect_error({{"op", "scale"}}, "'scale' is not one of copy, triad");
  expect_error({{"n", "1000"}}, "out of range");
  expect_error({{"n", "0"}}, "out of range");
  expect_error({{"n", "2.5"}}, "not a whole number");
  expect_error({{"n", "ten"}}, "not a whole number");
  expect_error({{"re", "nan"}}, "not a number");
  expect_error({{"size", "1"}}, "out of range");
  expect_error({{"size", "big"}}, "is not a size");
  expect_error({{"n", "auto"}}, "not a whole number");  // only "auto" options take auto
}

}  // namespace
}  // namespace corebench
