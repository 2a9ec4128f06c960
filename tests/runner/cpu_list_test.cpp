#include "runner/machine/cpu_list.h"

#include <gtest/gtest.h>

#include "runner/common/error.h"

namespace corebench {
namespace {

TEST(CpuList, ParsesKernelNotation) {
  EXPECT_EQ(parse_cpu_list("0-3,8,10-11"), (std::vector<int>{0, 1, 2, 3, 8, 10, 11}));
  EXPECT_EQ(parse_cpu_list("5,1,5"), (std::vector<int>{1, 5}));
  EXPECT_EQ(format_cpu_list({0, 1, 2, 3, 8, 10, 11}), "0-3,8,10-11");
  EXPECT_EQ(format_cpu_list({4}), "4");
}

void expect_error(const std::string& spec, const std::string& words) {
  try {
    parse_cpu_list(spec);
    FAIL() << "accepted '" << spec << "'";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
}

TEST(CpuList, BadListsNameTheTokenAndPosition) {
  expect_error("0-", "expected a CPU number at position 3");
  expect_error("a", "'a' at position 1 is not a CPU number");
  expect_error("0,,1", "position 3");
  expect_error("1-0", "runs backwards");
  expect_error("", "empty");
}

}  // namespace
}  // namespace corebench
