// Profile HMM files: HMMER 3 ASCII (as hmmbuild writes it, 3/a to 3/f) and
// HMMER 2 ASCII ("HMMER2.0", as Pfam_ls is) in, HMMER 3/f out.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "workloads/hmmer/hmm.h"

namespace corebench::hmmer {

// Every model in the stream, in order. `file` names it in errors. Throws
// InputError ("file:line: problem") for anything malformed or truncated.
std::vector<Hmm> read_models(std::istream& in, const std::string& file);
std::vector<Hmm> read_model_file(const std::string& path);

// HMMER 3/f, readable by hmmsearch 3.1 and later; every model must carry
// its calibration (hmmsearch refuses a 3/f model without STATS lines).
void write_hmmer3(std::ostream& out, const std::vector<Hmm>& hmms);
void write_hmmer3_file(const std::string& path, const std::vector<Hmm>& hmms);

}  // namespace corebench::hmmer
