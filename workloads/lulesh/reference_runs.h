// What LULESH 2.0.3 itself prints for the origin element's final energy and
// the iteration count, to check our answers against.
#pragma once

#include <optional>

#include "workloads/lulesh/parameters.h"

namespace corebench::lulesh {

struct ReferenceRun {
  Index size;          // -s
  Index iterations;    // -i, or 0: run to the stop time
  Index cycles;        // "Iteration count"
  Real origin_energy;  // "Final Origin Energy", as printed (%12.6e)
};

// The reference for a run of `size` with at most `iterations` cycles (0: to
// the stop time), if LULESH 2.0.3 was run with those options. A limit above
// the cycles the stop time takes gives the stop-time run.
std::optional<ReferenceRun> find_reference_run(Index size, Index iterations);

}  // namespace corebench::lulesh
