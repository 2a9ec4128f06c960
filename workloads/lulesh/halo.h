// A decomposed domain's exchanges with its neighbours, packed from and
// unpacked into the domain's own arrays; the Transport only moves bytes.
// Buffers are sized once here, so the timed cycles allocate nothing.
#pragma once

#include <vector>

#include "workloads/lulesh/domain.h"
#include "workloads/lulesh/leapfrog.h"
#include "workloads/lulesh/time_step.h"
#include "workloads/lulesh/transport.h"

namespace corebench::lulesh {

class Halo {
 public:
  // Completes the domain's setup: its border nodes' masses from the
  // neighbours' element volumes, and the origin element's volume that
  // sets everyone's first time step. Collective: every rank at once.
  Halo(Domain& domain, Transport& transport);

  // After the corner forces: the neighbours' corners of the border nodes.
  void share_corner_forces();
  // After the velocity gradients: those across the faces.
  void share_gradients();
  // The time-step constraints and the worst failure over all domains, so
  // that every domain takes the same next step or stops at the same cycle.
  void agree(TimeConstraints& limits, Failure& failure);

 private:
  struct Link {
    int peer;
    std::vector<double> out, in;
  };
  void exchange(std::vector<Link>& links);

  Domain& d_;
  Transport& transport_;
  std::vector<Link> corner_links_;    // kForceComponents values per corner
  std::vector<Link> gradient_links_;  // one value per face element
  std::vector<Outgoing> out_;
  std::vector<Incoming> in_;
};

}  // namespace corebench::lulesh
