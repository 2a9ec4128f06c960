// workloads/hmmer/reference/builtin.tbl, built in (CMakeLists.txt).
#pragma once

#include <span>

namespace corebench::hmmer {

std::span<const unsigned char> reference_table();

}  // namespace corebench::hmmer
