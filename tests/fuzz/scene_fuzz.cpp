// c-ray scene files (c-ray's scene=FILE option).
#include "fuzz_support.h"
#include "workloads/c-ray/scene.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corebench;
  fuzz::refused_only_by<cray::SceneError>(
      [&] { (void)cray::parse_scene(fuzz::as_text(data, size)); });
  return 0;
}
