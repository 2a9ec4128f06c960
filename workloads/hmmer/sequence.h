// Target sequences: FASTA in, residue codes inside; and the seeded
// sequences the workload makes when given none.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "workloads/hmmer/alphabet.h"

namespace corebench::hmmer {

struct Sequence {
  std::string name;
  std::string description;
  std::vector<std::uint8_t> residues;  // residue codes (alphabet.h)

  int length() const { return static_cast<int>(residues.size()); }
};

// Every record; throws InputError ("file:line: problem") for a file with
// no sequence, a record with no residues, or a letter outside the protein
// alphabet.
std::vector<Sequence> read_fasta(std::istream& in, const std::string& file);
std::vector<Sequence> read_fasta_file(const std::string& path);

void write_fasta(std::ostream& out, const std::vector<Sequence>& sequences);
void write_fasta_file(const std::string& path, const std::vector<Sequence>& sequences);

// Independent residues drawn from the background frequencies, as HMMER
// makes its calibration sequences; `state` advances.
void random_residues(std::uint64_t& state, int length, std::vector<std::uint8_t>& residues);

// The built-in target: one background sequence of 2554 residues, the
// length of the published test's 7LESS_DROME (sevenless, UniProt P13368).
Sequence builtin_target(std::uint64_t seed);

}  // namespace corebench::hmmer
