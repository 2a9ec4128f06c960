// HMMER 3 and HMMER 2 model files, FASTA, and the synthetic library, held
// to Debian's HMMER 3.3.2 where it is installed (scripts/bootstrap test
// installs it): hmmbuild and hmmconvert write files we must read,
// hmmsearch and hmmemit must read the files we write.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/run_command.h"
#include "workloads/common/splitmix64.h"
#include "workloads/hmmer/calibration.h"
#include "workloads/hmmer/model_file.h"
#include "workloads/hmmer/sequence.h"
#include "workloads/hmmer/synthetic_library.h"
#include "workloads/hmmer/text_lines.h"

namespace corebench::hmmer {
namespace {

namespace fs = std::filesystem;

bool have_tool(const std::string& name) {
  return access(("/usr/bin/" + name).c_str(), X_OK) == 0;
}

#define REQUIRE_HMMER(tool)                                                 \
  if (!have_tool(tool))                                                     \
  GTEST_SKIP() << "Debian's hmmer package is not installed (/usr/bin/" tool \
                  " missing); "                                             \
                  "scripts/bootstrap test installs it"

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("corebench-hmmer-" + std::to_string(getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string run_tool(const std::vector<std::string>& argv) {
  const auto result = testing::run_exact(argv);
  EXPECT_EQ(result.exit_code, 0) << argv[0] << ": " << result.err;
  return result.out;
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// A Stockholm alignment of `rows` sequences over `columns` positions: a
// random ancestor, each row with some substitutions and gaps.
std::string alignment(int rows, int columns, std::uint64_t seed) {
  SplitMix64 random(seed);
  std::string ancestor;
  for (int c = 0; c < columns; ++c) ancestor += kAminoLetters[random.next() % kResidues];
  std::string text = "# STOCKHOLM 1.0\n";
  for (int r = 0; r < rows; ++r) {
    std::string row = ancestor;
    for (char& letter : row) {
      const auto roll = random.next() % 10;
      if (roll == 0) letter = kAminoLetters[random.next() % kResidues];
      if (roll == 1 && r > 0) letter = '-';
    }
    text += "seq" + std::to_string(r) + " " + row + "\n";
  }
  return text + "//\n";
}

std::string hmmbuild_model(const TempDir& dir, const std::string& name, int columns) {
  write_text(dir.file(name + ".sto"), alignment(8, columns, columns));
  run_tool({"/usr/bin/hmmbuild", "-n", name, dir.file(name + ".hmm"), dir.file(name + ".sto")});
  return dir.file(name + ".hmm");
}

std::string error_of(const std::string& text, const std::string& file) {
  std::istringstream in(text);
  try {
    read_models(in, file);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::vector<Hmm> calibrated_library(int count) {
  auto library = synthetic_library(count, 3);
  FilterRows<NativeVectors> rows;
  double cells = 0;
  for (Hmm& hmm : library) hmm.calibration = calibrate(hmm, 7, CalibrationPlan{}, rows, cells);
  return library;
}

TEST(HmmerFormats, ReadsWhatHmmbuildWrites) {
  REQUIRE_HMMER("hmmbuild");
  TempDir dir;
  const auto hmms = read_model_file(hmmbuild_model(dir, "built", 40));
  ASSERT_EQ(hmms.size(), 1u);
  const Hmm& hmm = hmms[0];
  EXPECT_EQ(hmm.name, "built");
  EXPECT_EQ(hmm.length(), 40);
  ASSERT_TRUE(hmm.calibration.has_value());
  EXPECT_NEAR(hmm.calibration->msv_lambda, expected_lambda(hmm), 2e-3);
  // Each column is mostly one residue (the ancestor's): the model's most
  // likely residue there, in nearly every column.
  std::istringstream sto(alignment(8, 40, 40));
  std::vector<std::string> rows;
  for (std::string line; std::getline(sto, line);)
    if (line.rfind("seq", 0) == 0) rows.push_back(line.substr(line.find(' ') + 1));
  int agree = 0;
  for (int k = 1; k <= 40; ++k) {
    std::array<int, 256> counts{};
    for (const auto& row : rows) ++counts[static_cast<unsigned char>(row[k - 1])];
    counts['-'] = 0;
    const char majority =
        static_cast<char>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    const Frequencies& e = hmm.nodes[k].match;
    agree += kAminoLetters[std::max_element(e.begin(), e.end()) - e.begin()] == majority;
  }
  EXPECT_GE(agree, 38);
}

TEST(HmmerFormats, Hmmer2FileHoldsTheSameModel) {
  REQUIRE_HMMER("hmmconvert");
  TempDir dir;
  const std::string h3 = hmmbuild_model(dir, "pair", 60);
  write_text(dir.file("pair2.hmm"), run_tool({"/usr/bin/hmmconvert", "-2", h3}));
  const Hmm original = read_model_file(h3)[0];
  const Hmm converted = read_model_file(dir.file("pair2.hmm"))[0];
  ASSERT_EQ(converted.length(), original.length());
  EXPECT_FALSE(converted.calibration.has_value());
  // HMMER 2 stores thousandths of a bit: 0.035 % of each probability.
  for (int k = 1; k <= original.length(); ++k)
    for (int x = 0; x < kResidues; ++x)
      EXPECT_NEAR(converted.nodes[k].match[x], original.nodes[k].match[x],
                  1e-3 * original.nodes[k].match[x] + 1e-6);
  for (int k = 1; k < original.length(); ++k)
    for (int t = 0; t < kTransitions; ++t)
      EXPECT_NEAR(converted.nodes[k].out[t], original.nodes[k].out[t], 1e-3);
}

TEST(HmmerFormats, WrittenModelsReadBack) {
  const auto library = calibrated_library(3);
  std::stringstream text;
  write_hmmer3(text, library);
  const auto back = read_models(text, "written.hmm");
  ASSERT_EQ(back.size(), library.size());
  for (std::size_t i = 0; i < library.size(); ++i) {
    EXPECT_EQ(back[i].name, library[i].name);
    EXPECT_EQ(back[i].accession, library[i].accession);
    ASSERT_EQ(back[i].length(), library[i].length());
    EXPECT_NEAR(back[i].calibration->forward_tau, library[i].calibration->forward_tau, 1e-4);
    for (int k = 1; k <= library[i].length(); ++k)
      for (int x = 0; x < kResidues; ++x)
        EXPECT_NEAR(back[i].nodes[k].match[x], library[i].nodes[k].match[x],
                    1e-4 * library[i].nodes[k].match[x]);
  }
}

// hmmemit samples sequences from the models we wrote and hmmsearch finds
// them with the same models: both read the file as we meant it.
TEST(HmmerFormats, HmmsearchReadsSavedModels) {
  REQUIRE_HMMER("hmmsearch");
  REQUIRE_HMMER("hmmemit");
  TempDir dir;
  const auto library = calibrated_library(3);
  write_hmmer3_file(dir.file("lib.hmm"), library);
  write_text(dir.file("emitted.fa"),
             run_tool({"/usr/bin/hmmemit", "-N", "2", "--seed", "5", dir.file("lib.hmm")}));
  const auto targets = read_fasta_file(dir.file("emitted.fa"));
  EXPECT_EQ(targets.size(), 6u);
  run_tool({"/usr/bin/hmmsearch", "--tblout", dir.file("hits.tbl"), "-o", "/dev/null",
            dir.file("lib.hmm"), dir.file("emitted.fa")});
  std::ifstream table(dir.file("hits.tbl"));
  int own_hits = 0;
  for (std::string line; std::getline(table, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string target, target_acc, query;
    fields >> target >> target_acc >> query;
    if (target.rfind(query + "-sample", 0) == 0) ++own_hits;
  }
  EXPECT_EQ(own_hits, 6) << "every emitted sequence found by the model it came from";
}

TEST(HmmerFormats, MalformedModelFilesNameFileAndLine) {
  std::stringstream text;
  write_hmmer3(text, calibrated_library(1));
  const std::string good = text.str();
  // Cut inside the nodes: the next line is where the file ended.
  std::size_t cut = 0;
  for (int line = 0; line < 30; ++line) cut = good.find('\n', cut) + 1;
  EXPECT_EQ(error_of(good.substr(0, cut), "cut.hmm").rfind("cut.hmm:31: unexpected end of file", 0),
            0u)
      << error_of(good.substr(0, cut), "cut.hmm");
  // Line 18 is node 0's insert emissions (after COMPO on line 17).
  std::string bad_number = good;
  std::size_t line18 = 0;
  for (int line = 1; line < 18; ++line) line18 = bad_number.find('\n', line18) + 1;
  const std::size_t value = bad_number.find_first_not_of(' ', line18);
  bad_number.replace(value, 3, "2x5");
  EXPECT_EQ(error_of(bad_number, "bad.hmm").rfind("bad.hmm:18: node 0 insert emissions: '2x5", 0),
            0u)
      << error_of(bad_number, "bad.hmm");
  std::string dna = good;
  dna.replace(dna.find("ALPH  amino"), 11, "ALPH  DNA  ");
  EXPECT_EQ(error_of(dna, "dna.hmm"), "dna.hmm:6: ALPH: only the amino alphabet is supported");
  EXPECT_EQ(error_of("", "empty.hmm"), "empty.hmm:0: no model in the file");
  EXPECT_EQ(error_of("hello\n", "text.hmm"),
            "text.hmm:1: expected a model's first line (HMMER3/f or HMMER2.0)");
  EXPECT_THROW(read_model_file("/nonexistent/models.hmm"), InputError);
}

TEST(HmmerFormats, MalformedHmmer2FileNamesFileAndLine) {
  REQUIRE_HMMER("hmmconvert");
  TempDir dir;
  const std::string h2 = run_tool({"/usr/bin/hmmconvert", "-2", hmmbuild_model(dir, "two", 30)});
  ASSERT_EQ(error_of(h2, "two.hmm"), "no error");
  const std::size_t last_node = h2.find("\n    30 ");
  const std::string cut = h2.substr(0, last_node + 1);
  const int lines = static_cast<int>(std::count(cut.begin(), cut.end(), '\n'));
  EXPECT_EQ(error_of(cut, "two.hmm"),
            "two.hmm:" + std::to_string(lines + 1) +
                ": unexpected end of file, expected node 30 match emissions");
}

std::string fasta_error(const std::string& text) {
  std::istringstream in(text);
  try {
    read_fasta(in, "seqs.fa");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// The calibration sequences' residues, drawn by the guide table, are the
// ones the plain walk over the background frequencies picks, draw for draw.
TEST(HmmerSequences, RandomResiduesAreTheWalksPicks) {
  std::uint64_t state = 12345;
  SplitMix64 draws(state);
  std::vector<std::uint8_t> residues;
  random_residues(state, 1'000'000, residues);
  const Frequencies& f = background_frequencies();
  std::array<int, kResidues> seen{};
  for (std::size_t i = 0; i < residues.size(); ++i) {
    double u = draws.uniform();
    int x = 0;
    while (x < kResidues - 1 && u >= f[static_cast<std::size_t>(x)])
      u -= f[static_cast<std::size_t>(x++)];
    ASSERT_EQ(residues[i], x) << "draw " << i;
    ++seen[static_cast<std::size_t>(x)];
  }
  for (int x = 0; x < kResidues; ++x)
    EXPECT_NEAR(seen[static_cast<std::size_t>(x)] / 1e6, f[static_cast<std::size_t>(x)], 0.002)
        << x;
}

TEST(HmmerFormats, FastaReadsAndRefusesWithFileAndLine) {
  std::istringstream in(">one first\nACDE\nfgh*\n>two\nXBZ\n");
  const auto sequences = read_fasta(in, "ok.fa");
  ASSERT_EQ(sequences.size(), 2u);
  EXPECT_EQ(sequences[0].name, "one");
  EXPECT_EQ(sequences[0].description, "first");
  EXPECT_EQ(sequences[0].length(), 7);
  EXPECT_EQ(sequences[1].residues, (Residues{kAnyResidue, kAnyResidue, kAnyResidue}));
  EXPECT_EQ(fasta_error(""), "seqs.fa:0: no sequence in the file");
  EXPECT_EQ(fasta_error(">a\nAC1D\n"),
            "seqs.fa:2: '1' in sequence a is not a protein letter (unknown alphabet)");
  EXPECT_EQ(fasta_error(">a\n>b\nAC\n"), "seqs.fa:2: sequence a has no residues");
  EXPECT_EQ(fasta_error("ACDE\n"), "seqs.fa:1: residues before the first '>' line (not FASTA)");
  EXPECT_THROW(read_fasta_file("/nonexistent/seqs.fa"), InputError);
}

TEST(HmmerLibrary, SyntheticLibraryIsSeededAndPfamLike) {
  const auto a = synthetic_library(200, 11);
  const auto b = synthetic_library(200, 11);
  std::vector<int> lengths;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].length(), b[i].length());
    EXPECT_EQ(a[i].nodes[1].match, b[i].nodes[1].match);
    lengths.push_back(a[i].length());
  }
  std::sort(lengths.begin(), lengths.end());
  EXPECT_NEAR(lengths[100], kMedianLength, 0.2 * kMedianLength);
  EXPECT_NE(synthetic_library(1, 12)[0].nodes[1].match, a[0].nodes[1].match);
}

// hmmconvert calibrates an HMMER 2 file as hmmsearch does (p7_Calibrate);
// ours must land within the fits' sampling noise (200 sequences: about
// 0.15 bits standard error for mu, more for the tail's tau).
TEST(HmmerCalibration, MatchesHmmconvertOnAnHmmer2File) {
  REQUIRE_HMMER("hmmconvert");
  TempDir dir;
  for (int columns : {25, 80, 200}) {
    SCOPED_TRACE(columns);
    const std::string name = "cal" + std::to_string(columns);
    write_text(dir.file(name + "2.hmm"),
               run_tool({"/usr/bin/hmmconvert", "-2", hmmbuild_model(dir, name, columns)}));
    write_text(dir.file(name + "3.hmm"),
               run_tool({"/usr/bin/hmmconvert", dir.file(name + "2.hmm")}));
    const Hmm h2 = read_model_file(dir.file(name + "2.hmm"))[0];
    const Calibration theirs = *read_model_file(dir.file(name + "3.hmm"))[0].calibration;
    FilterRows<NativeVectors> rows;
    double cells = 0;
    const Calibration ours = calibrate(h2, 1, CalibrationPlan{}, rows, cells);
    EXPECT_NEAR(ours.msv_lambda, theirs.msv_lambda, 2e-3);
    EXPECT_NEAR(ours.msv_mu, theirs.msv_mu, 0.6);
    EXPECT_NEAR(ours.viterbi_mu, theirs.viterbi_mu, 0.6);
    EXPECT_NEAR(ours.forward_tau, theirs.forward_tau, 0.8);
    std::printf("M=%d mu msv %.3f/%.3f vit %.3f/%.3f tau %.3f/%.3f (ours/hmmconvert)\n", columns,
                ours.msv_mu, theirs.msv_mu, ours.viterbi_mu, theirs.viterbi_mu, ours.forward_tau,
                theirs.forward_tau);
  }
}

}  // namespace
}  // namespace corebench::hmmer
