// The HMMER 2 ASCII format: integer log-odds scores in thousandths of a
// bit, emissions relative to the file's null model (NULE), transitions as
// log2 probabilities; read into the same probability model HMMER 3 uses.
#pragma once

#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/text_lines.h"

namespace corebench::hmmer {

// Reads one model whose "HMMER2.0" line was just read. The file's own
// calibration (EVD) is HMMER 2's and is not kept: HMMER 3 recalibrates.
Hmm read_hmmer2_model(TextLines& lines);

}  // namespace corebench::hmmer
