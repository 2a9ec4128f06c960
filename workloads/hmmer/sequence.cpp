#include "workloads/hmmer/sequence.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <array>
#include <bit>
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

namespace {

// The residue a uniform draw u in [0, 1) picks: the first x whose
// frequency is above the draw less the frequencies before x (the last
// residue when rounding leaves none).
int residue_of(double u) {
  const Frequencies& f = background_frequencies();
  int x = 0;
  while (x < kResidues - 1 && u >= f[x]) u -= f[x++];
  return x;
}

// residue_of(u) without its walk over the frequencies, to the bit: the
// walk only subtracts constants and compares, so the residue grows with u,
// and each residue's first draw is a threshold found once by bisection
// over the doubles (non-negative doubles order as their bit patterns). A
// guide table of buckets of the draw gives the residue at the bucket's
// start, after which a step or two remain. Calibration draws a hundred
// thousand residues a model; the walk was a tenth of the search's time.
class ResidueSampler {
 public:
  ResidueSampler() {
    for (int x = 1; x < kResidues; ++x) first_draw_[static_cast<std::size_t>(x)] = threshold(x);
    for (std::size_t b = 0; b < kBuckets; ++b)
      start_[b] = static_cast<std::uint8_t>(residue_of(static_cast<double>(b) / kBuckets));
  }

  std::uint8_t operator()(double u) const {
    auto x = start_[static_cast<std::size_t>(u * kBuckets)];
    while (x < kResidues - 1 && u >= first_draw_[x + 1u]) ++x;
    return x;
  }

 private:
  static constexpr std::size_t kBuckets = 256;  // a power of two: u * kBuckets is exact

  // The smallest double u in [0, 1) with residue_of(u) >= x.
  static double threshold(int x) {
    std::uint64_t low = 0, high = std::bit_cast<std::uint64_t>(1.0);
    while (low < high) {
      const std::uint64_t middle = low + (high - low) / 2;
      if (residue_of(std::bit_cast<double>(middle)) >= x)
        high = middle;
      else
        low = middle + 1;
    }
    return std::bit_cast<double>(low);
  }

  std::array<double, kResidues> first_draw_{};
  std::array<std::uint8_t, kBuckets> start_{};
};

}  // namespace

void random_residues(std::uint64_t& state, int length, std::vector<std::uint8_t>& residues) {
  static const ResidueSampler sample;
  SplitMix64 random(state);
  residues.resize(static_cast<std::size_t>(length));
  for (auto& residue : residues) residue = sample(random.uniform());
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
