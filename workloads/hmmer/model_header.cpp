#include "workloads/hmmer/model_header.h"

namespace corebench::hmmer {
namespace {

std::string rest_of_line(const std::string& line) {
  const auto at = line.find_first_not_of(" \t", line.find_first_of(" \t"));
  return at == std::string::npos ? "" : line.substr(at);
}

}  // namespace

ModelHeader read_model_header(
    TextLines& lines, const std::string& alphabet,
    const std::function<void(const std::vector<std::string>& fields)>& other) {
  ModelHeader header;
  std::string line;
  while (true) {
    if (!lines.next(line)) lines.fail("unexpected end of file in the header (no HMM line)");
    const auto fields = split_fields(line);
    if (fields.empty()) continue;
    const std::string& key = fields[0];
    if (key == "HMM") break;
    if (key == "NAME" && fields.size() >= 2)
      header.hmm.name = fields[1];
    else if (key == "ACC" && fields.size() >= 2)
      header.hmm.accession = fields[1];
    else if (key == "DESC")
      header.hmm.description = rest_of_line(line);
    else if (key == "LENG" && fields.size() >= 2)
      header.length = integer_field(lines, fields[1], "LENG");
    else if (key == "ALPH" && (fields.size() < 2 || fields[1] != alphabet))
      lines.fail("ALPH: only the " + alphabet + " alphabet is supported");
    else
      other(fields);
  }
  if (header.hmm.name.empty()) lines.fail("no NAME line before HMM");
  if (header.length <= 0) lines.fail("no LENG line (a positive model length) before HMM");
  return header;
}

}  // namespace corebench::hmmer
