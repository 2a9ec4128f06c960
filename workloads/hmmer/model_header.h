// The header lines both HMMER formats share (NAME, ACC, DESC, LENG, ALPH),
// read up to the "HMM" line that starts the nodes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "workloads/hmmer/hmm.h"
#include "workloads/hmmer/text_lines.h"

namespace corebench::hmmer {

struct ModelHeader {
  Hmm hmm;  // name, accession, description; no nodes yet
  int length = 0;
};

// `alphabet` is how the format spells the protein alphabet ("amino",
// "Amino"); `other` sees the fields of every line with another key.
ModelHeader read_model_header(
    TextLines& lines, const std::string& alphabet,
    const std::function<void(const std::vector<std::string>& fields)>& other);

}  // namespace corebench::hmmer
