#include "workloads/hmmer/alphabet.h"

#include <cctype>

namespace corebench::hmmer {

const Frequencies& background_frequencies() {
  static const Frequencies frequencies = {0.0787945, 0.0151600, 0.0535222, 0.0668298, 0.0397062,
                                          0.0695071, 0.0229198, 0.0590092, 0.0594422, 0.0963728,
                                          0.0237718, 0.0414386, 0.0482904, 0.0395639, 0.0540978,
                                          0.0683364, 0.0540687, 0.0673417, 0.0114135, 0.0304133};
  return frequencies;
}

std::optional<std::uint8_t> residue_code(char letter) {
  const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(letter)));
  const auto at = kAminoLetters.find(upper);
  if (at != std::string_view::npos) return static_cast<std::uint8_t>(at);
  if (std::string_view("BJZOUX").find(upper) != std::string_view::npos) return kAnyResidue;
  return std::nullopt;
}

char residue_letter(std::uint8_t code) {
  return code < kResidues ? kAminoLetters[code] : 'X';
}

}  // namespace corebench::hmmer
