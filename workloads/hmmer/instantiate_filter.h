// Builds a filter for the scalar layer and, where it differs, the native
// one (on other targets NativeVectors is ScalarVectors).
#pragma once

#include "workloads/hmmer/vector128.h"

#if defined(__SSE2__) || defined(__ARM_NEON)
#define COREBENCH_HMMER_INSTANTIATE(FILTER, PROFILE)                     \
  template double FILTER<ScalarVectors>(const PROFILE&, const Residues&, \
                                        FilterRows<ScalarVectors>&);     \
  template double FILTER<NativeVectors>(const PROFILE&, const Residues&, \
                                        FilterRows<NativeVectors>&);
#else
#define COREBENCH_HMMER_INSTANTIATE(FILTER, PROFILE)                     \
  template double FILTER<ScalarVectors>(const PROFILE&, const Residues&, \
                                        FilterRows<ScalarVectors>&);
#endif
