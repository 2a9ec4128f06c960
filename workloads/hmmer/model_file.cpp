#include "workloads/hmmer/model_file.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "workloads/hmmer/hmmer2_format.h"
#include "workloads/hmmer/hmmer3_format.h"
#include "workloads/hmmer/text_lines.h"

namespace corebench::hmmer {

std::vector<Hmm> read_models(std::istream& in, const std::string& file) {
  TextLines lines(in, file);
  std::vector<Hmm> hmms;
  std::string line;
  while (lines.next(line)) {
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (line.rfind("HMMER3/", 0) == 0)
      hmms.push_back(read_hmmer3_model(lines));
    else if (line.rfind("HMMER2.0", 0) == 0)
      hmms.push_back(read_hmmer2_model(lines));
    else
      lines.fail("expected a model's first line (HMMER3/f or HMMER2.0)");
  }
  if (hmms.empty()) lines.fail("no model in the file");
  return hmms;
}

std::vector<Hmm> read_model_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}:0: cannot open the model file", path));
  return read_models(in, path);
}

namespace {

std::string cost(double p) {
  if (p <= 0) return fmt::format("{:>9}", "*");
  return fmt::format("{:9.5f}", std::max(0.0, -std::log(p)));  // never "-0.00000"
}

template <typename Array>
std::string costs(const Array& values) {
  std::string text;
  for (double p : values) text += cost(p);
  return text;
}

char consensus(const Frequencies& match) {
  return kAminoLetters[std::max_element(match.begin(), match.end()) - match.begin()];
}

void write_model(std::ostream& out, const Hmm& hmm) {
  if (!hmm.calibration)
    throw std::logic_error("write_hmmer3: model " + hmm.name + " is not calibrated");
  const Calibration& c = *hmm.calibration;
  fmt::print(out, "HMMER3/f [corebench]\nNAME  {}\n", hmm.name);
  if (!hmm.accession.empty()) fmt::print(out, "ACC   {}\n", hmm.accession);
  if (!hmm.description.empty()) fmt::print(out, "DESC  {}\n", hmm.description);
  fmt::print(out, "LENG  {}\nALPH  amino\nRF    no\nMM    no\nCONS  yes\nCS    no\nMAP   no\n",
             hmm.length());
  fmt::print(out, "STATS LOCAL MSV     {:9.4f} {:8.5f}\n", c.msv_mu, c.msv_lambda);
  fmt::print(out, "STATS LOCAL VITERBI {:9.4f} {:8.5f}\n", c.viterbi_mu, c.viterbi_lambda);
  fmt::print(out, "STATS LOCAL FORWARD {:9.4f} {:8.5f}\n", c.forward_tau, c.forward_lambda);
  out << "HMM     ";
  for (char letter : kAminoLetters) fmt::print(out, "{:>9}", letter);
  out << "\n            m->m     m->i     m->d     i->m     i->i     d->m     d->d\n";
  fmt::print(out, "  COMPO {}\n", costs(model_composition(hmm)));
  fmt::print(out, "        {}\n        {}\n", costs(hmm.nodes[0].insert), costs(hmm.nodes[0].out));
  for (int k = 1; k <= hmm.length(); ++k) {
    const Node& node = hmm.nodes[k];
    fmt::print(out, "{:7d} {} {:>6} {} - - -\n", k, costs(node.match), "-", consensus(node.match));
    fmt::print(out, "        {}\n        {}\n", costs(node.insert), costs(node.out));
  }
  out << "//\n";
}

}  // namespace

void write_hmmer3(std::ostream& out, const std::vector<Hmm>& hmms) {
  for (const Hmm& hmm : hmms) write_model(out, hmm);
}

void write_hmmer3_file(const std::string& path, const std::vector<Hmm>& hmms) {
  std::ofstream out(path);
  if (!out) throw std::invalid_argument(fmt::format("{}: cannot write the model file", path));
  write_hmmer3(out, hmms);
  if (!out.flush()) throw std::invalid_argument(fmt::format("{}: write failed", path));
}

}  // namespace corebench::hmmer
