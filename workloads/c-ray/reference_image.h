// The sphfract picture a c-ray run is compared with, at 160x90: our
// renderer's 1920x1080 picture with 16 rays per pixel, averaged over 12x12
// pixel areas. Checked against c-ray-fast 2.0's picture when made (see
// docs); built into the binary from reference/sphfract_160x90.ppm.
#pragma once

#include <span>

namespace corebench::cray {

std::span<const unsigned char> sphfract_reference_ppm();

}  // namespace corebench::cray
