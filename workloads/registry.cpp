#include "workloads/registry.h"

#include <stdexcept>

#include "workloads/aobench/aobench.h"
#include "workloads/c-ray/c-ray.h"
#include "workloads/cfd/cfd.h"
#include "workloads/compile/compile.h"
#include "workloads/compress/compress.h"
#include "workloads/hmmer/hmmer.h"
#include "workloads/linpack/linpack.h"
#include "workloads/lulesh/lulesh.h"
#include "workloads/lzma/lzma.h"
#include "workloads/ramspeed/ramspeed.h"
#include "workloads/sysbench/sysbench.h"

namespace corebench {

Registry::Registry(std::vector<WorkloadEntry> entries) : entries_(std::move(entries)) {
  for (std::size_t i = 0; i < entries_.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (entries_[i].info.id == entries_[j].info.id)
        throw std::logic_error("workload registered twice: " + entries_[i].info.id);
}

const WorkloadEntry* Registry::find(std::string_view id) const {
  for (const auto& entry : entries_)
    if (entry.info.id == id) return &entry;
  return nullptr;
}

const Registry& builtin_registry() {
  static const Registry registry({
      make_ramspeed_entry(),
      make_c_ray_entry(),
      make_aobench_entry(),
      make_linpack_entry(),
      make_compile_entry(),
      make_compress_entry(),
      make_sysbench_entry(),
      make_lzma_entry(),
      make_cfd_entry(),
      make_lulesh_entry(),
      make_hmmer_entry(),
  });
  return registry;
}

}  // namespace corebench
