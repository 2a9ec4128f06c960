// Suite files (profiles/suites/*.toml) as `corebench run` reads them.
#include "fuzz_support.h"
#include "runner/common/error.h"
#include "runner/plan/suite.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corebench;
  const auto file = fuzz::input_file("suite.toml", fuzz::as_text(data, size));
  fuzz::refused_only_by<Error>([&] {
    for (const TestSpec& test : load_suite(file).tests) (void)test.name();
  });
  return 0;
}
