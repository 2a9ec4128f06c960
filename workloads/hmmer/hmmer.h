// HMMER 3's hmmsearch, as the Phoronix test pts/hmmer runs it (hmmsearch
// Pfam_ls 7LESS_DROME): calibration of every HMMER 2 model, then the
// search pipeline's striped vector filters (docs/workloads/hmmer.md).
#pragma once

#include "workloads/workload.h"

namespace corebench {

WorkloadEntry make_hmmer_entry();

}  // namespace corebench
