// Result files (results/*.json, --output, compare's inputs): read with the
// schema check; whatever is accepted must write and read back the same way.
#include "fuzz_support.h"
#include "runner/common/error.h"
#include "runner/results/result.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corebench;
  const auto file = fuzz::input_file("result.json", fuzz::as_text(data, size));
  fuzz::refused_only_by<Error>([&] {
    const ResultFile result = read_result_file(file);
    // Accepted means usable: the round trip through to_json must not throw.
    (void)result_file_from_json(to_json(result));
  });
  return 0;
}
