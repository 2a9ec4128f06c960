#include "workloads/hmmer/sequence.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <fstream>
#include <stdexcept>

#include "workloads/common/splitmix64.h"
#include "workloads/hmmer/text_lines.h"

namespace corebench::hmmer {
namespace {

constexpr int kBuiltinTargetLength = 2554;

void append_residues(const TextLines& lines, const std::string& text, Sequence& sequence) {
  for (char letter : text) {
    if (letter == ' ' || letter == '\t' || letter == '*' || letter == '-') continue;
    const auto code = residue_code(letter);
    if (!code)
      lines.fail(fmt::format("'{}' in sequence {} is not a protein letter (unknown alphabet)",
                             letter, sequence.name));
    sequence.residues.push_back(*code);
  }
}

void check_not_empty(const TextLines& lines, const Sequence& sequence) {
  if (sequence.residues.empty())
    lines.fail(fmt::format("sequence {} has no residues", sequence.name));
}

}  // namespace

std::vector<Sequence> read_fasta(std::istream& in, const std::string& file) {
  TextLines lines(in, file);
  std::vector<Sequence> sequences;
  std::string line;
  while (lines.next(line)) {
    if (!line.empty() && line[0] == '>') {
      if (!sequences.empty()) check_not_empty(lines, sequences.back());
      const auto fields = split_fields(line.substr(1));
      if (fields.empty()) lines.fail("a '>' line with no sequence name");
      Sequence sequence;
      sequence.name = fields[0];
      const auto rest = line.find(fields[0]) + fields[0].size();
      const auto start = line.find_first_not_of(" \t", rest);
      if (start != std::string::npos) sequence.description = line.substr(start);
      sequences.push_back(std::move(sequence));
    } else if (line.find_first_not_of(" \t") != std::string::npos) {
      if (sequences.empty()) lines.fail("residues before the first '>' line (not FASTA)");
      append_residues(lines, line, sequences.back());
    }
  }
  if (sequences.empty()) lines.fail("no sequence in the file");
  check_not_empty(lines, sequences.back());
  return sequences;
}

std::vector<Sequence> read_fasta_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}:0: cannot open the sequence file", path));
  return read_fasta(in, path);
}

void write_fasta(std::ostream& out, const std::vector<Sequence>& sequences) {
  for (const Sequence& sequence : sequences) {
    fmt::print(out, ">{}{}{}\n", sequence.name, sequence.description.empty() ? "" : " ",
               sequence.description);
    for (std::size_t i = 0; i < sequence.residues.size(); ++i) {
      out << residue_letter(sequence.residues[i]);
      if (i % 60 == 59 || i + 1 == sequence.residues.size()) out << '\n';
    }
  }
}

void write_fasta_file(const std::string& path, const std::vector<Sequence>& sequences) {
  std::ofstream out(path);
  write_fasta(out, sequences);
  if (!out.flush()) throw std::runtime_error(path + ": cannot write the sequences");
}

void random_residues(std::uint64_t& state, int length, std::vector<std::uint8_t>& residues) {
  const Frequencies& f = background_frequencies();
  SplitMix64 random(state);
  residues.resize(static_cast<std::size_t>(length));
  for (auto& residue : residues) {
    double u = random.uniform();
    int x = 0;
    while (x < kResidues - 1 && u >= f[x]) u -= f[x++];
    residue = static_cast<std::uint8_t>(x);
  }
  state = random.next();
}

Sequence builtin_target(std::uint64_t seed) {
  Sequence target;
  target.name = "synthetic-target";
  target.description = "background residues, 7LESS_DROME's length";
  std::uint64_t state = seed ^ 0x7e55d4011e5ull;
  random_residues(state, kBuiltinTargetLength, target.residues);
  return target;
}

}  // namespace corebench::hmmer
