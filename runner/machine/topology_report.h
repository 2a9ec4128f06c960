// The topology as `corebench info` shows it, and as result files keep it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "runner/machine/topology.h"

namespace corebench {

// Several lines for people: model, counts, core types (fastest first),
// clusters, caches, NUMA nodes, the named CPU sets, and any warnings.
std::string format_topology(const Topology& topology);

nlohmann::json topology_to_json(const Topology& topology);

}  // namespace corebench
