// The HMMER 3 ASCII format's body: header lines up to "HMM", then three
// lines per node of negated natural-log probabilities ("*" for zero).
#pragma once

#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/text_lines.h"

namespace corebench::hmmer {

// Reads one model whose "HMMER3/x" line was just read.
Hmm read_hmmer3_model(TextLines& lines);

}  // namespace corebench::hmmer
