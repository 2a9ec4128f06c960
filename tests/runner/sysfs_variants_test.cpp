// Copies of the fixture dumps with the bytes dump tools and copies add
// (trailing NULs, CRLF line ends, padding) are detected as the originals:
// clusters, SMT and all; a value that is garbled under the padding still
// warns. The copies are made here, in a temporary directory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "runner/machine/topology.h"
#include "runner/machine/topology_report.h"

namespace corebench {
namespace {

namespace fs = std::filesystem;

using Transform = std::function<std::string(const std::string&)>;

std::string contents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string with_trailing_nuls(const std::string& text) {
  return text + std::string(7, '\0');
}

std::string with_crlf(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out;
}

// Blanks and tabs around every line of a one-value sysfs file.
std::string with_padding(const std::string& text) {
  std::istringstream lines(text);
  std::string out;
  for (std::string line; std::getline(lines, line);) out += "  " + line + " \t\n";
  return out;
}

// Everything detection found, less where it looked.
nlohmann::json facts(const Topology& topology) {
  nlohmann::json json = topology_to_json(topology);
  json.erase("root");
  return json;
}

class SysfsVariantsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corebench-sysfs-" + std::to_string(getpid()));
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A copy of the fixture `name` whose files under proc/ and sys/ (sys/
  // only when `sys_only`) went through `transform`.
  std::string variant(const std::string& name, const Transform& transform, bool sys_only) {
    const fs::path source = fixture(name);
    const fs::path copy = dir_ / name;
    fs::remove_all(copy);
    fs::create_directories(copy);
    fs::copy(source, copy, fs::copy_options::recursive);
    for (const auto& entry : fs::recursive_directory_iterator(copy)) {
      if (!entry.is_regular_file()) continue;
      const std::string relative = fs::relative(entry.path(), copy).string();
      if (sys_only && relative.rfind("sys/", 0) != 0) continue;
      const std::string text = transform(contents(entry.path()));
      std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << text;
    }
    return copy.string();
  }

  static std::string fixture(const std::string& name) {
    return std::string(COREBENCH_TEST_DATA) + "/fixtures/sysfs/" + name;
  }

  fs::path dir_;
};

TEST_F(SysfsVariantsTest, PaddedValuesAreDetectedAsTheOriginals) {
  const std::vector<std::pair<const char*, std::pair<Transform, bool>>> variants = {
      {"trailing NULs", {with_trailing_nuls, false}},
      {"CRLF", {with_crlf, false}},
      {"padding", {with_padding, true}},
  };
  for (const char* name : {"intel-i7-1370p-hybrid", "nvidia-dgx-gb10"}) {
    const Topology original = detect_topology(fixture(name));
    ASSERT_TRUE(original.warnings.empty()) << name;
    for (const auto& [what, how] : variants) {
      const Topology copy = detect_topology(variant(name, how.first, how.second));
      EXPECT_TRUE(copy.warnings.empty()) << name << ", " << what << ": " << copy.warnings.front();
      EXPECT_EQ(facts(copy), facts(original)) << name << ", " << what;
      EXPECT_EQ(copy.smt, original.smt) << name << ", " << what;
      EXPECT_EQ(copy.sets_of(DomainKind::Cluster), original.sets_of(DomainKind::Cluster))
          << name << ", " << what;
      EXPECT_EQ(copy.model, original.model) << name << ", " << what;
      EXPECT_EQ(copy.memory_bytes, original.memory_bytes) << name << ", " << what;
    }
  }
  // What the comparison guards: the i7 has SMT and E-core clusters.
  const Topology i7 = detect_topology(fixture("intel-i7-1370p-hybrid"));
  EXPECT_TRUE(i7.smt);
  EXPECT_EQ(i7.sets_of(DomainKind::Cluster).size(), 8u);
}

TEST_F(SysfsVariantsTest, GarbledValuesUnderThePaddingStillWarn) {
  const std::string root = variant("intel-i7-1370p-hybrid", with_trailing_nuls, false);
  const fs::path topology = fs::path(root) / "sys/devices/system/cpu/cpu2/topology";
  std::ofstream(topology / "physical_package_id", std::ios::binary) << std::string(
      "1\0"
      "2\n\0",
      5);
  std::ofstream(topology / "thread_siblings_list", std::ios::binary) << "2-3x\r\n";
  const Topology t = detect_topology(root);
  for (const char* part :
       {"cpu2/topology/physical_package_id: '1?2'", "thread_siblings_list: '2-3x'"})
    EXPECT_TRUE(
        std::any_of(t.warnings.begin(), t.warnings.end(),
                    [&](const std::string& w) { return w.find(part) != std::string::npos; }))
        << part << (t.warnings.empty() ? "" : ", first warning: " + t.warnings.front());
}

}  // namespace
}  // namespace corebench
