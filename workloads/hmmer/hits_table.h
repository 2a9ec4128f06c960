// The hits in the first ten columns of `hmmsearch --tblout`: target,
// accession, query, accession, then E-value, score and bias of the full
// sequence and of its best domain.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/search_pipeline.h"
#include "workloads/hmmer/sequence.h"

namespace corebench::hmmer {

void write_hits_table(std::ostream& out, const std::vector<Hmm>& models,
                      const std::vector<ModelSearch>& searches,
                      const std::vector<Sequence>& targets);
void write_hits_table_file(const std::string& path, const std::vector<Hmm>& models,
                           const std::vector<ModelSearch>& searches,
                           const std::vector<Sequence>& targets);

}  // namespace corebench::hmmer
