// The protein alphabet as HMMER orders it, its background frequencies and
// how FASTA letters become residue codes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace corebench::hmmer {

inline constexpr int kResidues = 20;
// Codes 0..19 are the canonical residues; kAnyResidue stands for the
// ambiguity codes (B J Z O U X), scored as the background (log-odds 0).
inline constexpr std::uint8_t kAnyResidue = 20;
inline constexpr int kCodes = 21;
inline constexpr std::string_view kAminoLetters = "ACDEFGHIKLMNPQRSTVWY";

using Frequencies = std::array<double, kResidues>;

// HMMER 3's amino background (p7_AminoFrequencies): Swiss-Prot 50.8
// composition, October 2006.
const Frequencies& background_frequencies();

// The residue code of a FASTA letter (either case); nullopt for a letter
// that is not in the protein alphabet.
std::optional<std::uint8_t> residue_code(char letter);

char residue_letter(std::uint8_t code);

}  // namespace corebench::hmmer
