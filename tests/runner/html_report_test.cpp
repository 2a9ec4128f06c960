// The HTML report as a browser renders it: three real result files
// (tests/fixtures/results, made by make_results.sh on this project's VM)
// compared, the page rendered by headless Chromium, its DOM checked for a
// chart per test and a bar per machine in each.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "runner/results/compare.h"
#include "runner/results/report/reporter.h"
#include "runner/results/report/text_layout.h"
#include "support/run_command.h"

namespace corebench {
namespace {

const std::string kResults = std::string(COREBENCH_TEST_DATA) + "/fixtures/results/";
constexpr const char* kChromium = "/usr/bin/chromium";

std::vector<std::string> report_files() {
  return {kResults + "report-1.json", kResults + "report-2.json", kResults + "report-3.json"};
}

// The page's figures of one kind: data-test -> the data-machine of its bars.
// (Plain finds: GCC 12 warns falsely inside std::regex at -O1.)
std::map<std::string, std::vector<std::string>> charts(const std::string& dom,
                                                       const std::string& kind) {
  std::map<std::string, std::vector<std::string>> found;
  const std::string figure = "<figure class=\"chart " + kind + "\" data-test=\"";
  const std::string bar = "<rect class=\"bar\" data-machine=\"";
  const auto attribute = [&](std::size_t start) {
    return dom.substr(start, dom.find('"', start) - start);
  };
  for (std::size_t at = dom.find(figure); at != std::string::npos; at = dom.find(figure, at + 1)) {
    const std::size_t end = dom.find("</figure>", at);
    auto& bars = found[attribute(at + figure.size())];
    for (std::size_t b = dom.find(bar, at); b < end; b = dom.find(bar, b + 1))
      bars.push_back(attribute(b + bar.size()));
  }
  return found;
}

std::string unescape(std::string text) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (std::size_t at; (at = text.find(from)) != std::string::npos;)
      text.replace(at, from.size(), to);
  }
  return text;
}

TEST(HtmlReport, ChromiumRendersAChartPerTestAndABarPerMachine) {
  if (std::getenv("COREBENCH_EMULATOR")) GTEST_SKIP() << "no Chromium of the emulated architecture";
  ASSERT_TRUE(std::filesystem::exists(kChromium))
      << "install Debian's chromium (scripts/bootstrap test does)";
  const std::string page = ::testing::TempDir() + "/corebench-report.html";
  std::vector<std::string> argv = {COREBENCH_BIN, "compare",     "--format",
                                   "html",        "--reference", report_files()[0]};
  for (const auto& f : report_files()) argv.push_back(f);
  const auto made = testing::run_command(argv);
  ASSERT_EQ(made.exit_code, 0) << made.err;
  std::ofstream(page) << made.out;

  const std::string profile = ::testing::TempDir() + "/corebench-chromium";
  const auto rendered =
      testing::run_exact({kChromium, "--headless", "--no-sandbox", "--disable-gpu",
                          "--user-data-dir=" + profile, "--dump-dom", "file://" + page});
  ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
  const std::string& dom = rendered.out;

  std::vector<ResultFile> files;
  for (const auto& f : report_files()) files.push_back(read_result_file(f));
  const auto tests = charts(dom, "test");
  std::set<std::string> names;
  for (const auto& test : files[0].tests) names.insert(test.name);
  ASSERT_EQ(names.size(), 7u);
  EXPECT_EQ(tests.size(), names.size());
  for (const auto& name : names) {
    const auto chart = std::find_if(tests.begin(), tests.end(),
                                    [&](const auto& c) { return unescape(c.first) == name; });
    ASSERT_NE(chart, tests.end()) << "no chart for " << name;
    std::vector<std::string> labels;
    for (const auto& f : files) labels.push_back(f.label);
    std::vector<std::string> bars = chart->second;
    for (auto& b : bars) b = unescape(b);
    EXPECT_EQ(bars, labels) << name;
  }
  // The geometric mean first, with every machine; the sweep as lines.
  const auto geomean = charts(dom, "geomean");
  ASSERT_EQ(geomean.size(), 1u);
  EXPECT_EQ(geomean.begin()->second.size(), 3u);
  EXPECT_LT(dom.find("chart geomean"), dom.find("chart test"));
  EXPECT_NE(dom.find("data-test=\"sysbench:events=2000 (sweep)\""), std::string::npos);
  EXPECT_NE(dom.find("<table class=\"system\">"), std::string::npos);
}

TEST(HtmlReport, SelfContained) {
  std::vector<ResultFile> files;
  for (const auto& f : report_files()) files.push_back(read_result_file(f));
  std::ostringstream out;
  make_html_reporter()->write(compare(files, &files[0]), out);
  const std::string html = out.str();
  for (const char* external : {"<script", "<link", "src=", "url(", "@import", "http"})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  // The sweep's one-point series (CPU 0, one thread) draws no line: its
  // value is in the legend.
  EXPECT_NE(html.find(" @0: "), std::string::npos);
  EXPECT_NE(html.find(" at 1 thread</li>"), std::string::npos);
}

const std::string kLongLabel = "workstation-in-the-lab-with-a-long-name";

// 10 machines, 60 tests: every chart and bar, and the page stays a sane size.
TEST(HtmlReport, TenMachinesSixtyTests) {
  std::vector<ResultFile> files(10);
  ResultFile reference;
  reference.label = "ref";
  for (int t = 0; t < 60; ++t) {
    TestResult test;
    test.name = "test" + std::to_string(t);
    test.workload = t % 2 ? "ramspeed" : "c-ray";
    test.unit = "MB/s";
    for (double v : {100.0, 101.0, 99.0}) test.runs.push_back({false, 1, v, true, "", {}});
    test.summary = summarize(test.samples());
    reference.tests.push_back(test);
    for (std::size_t f = 0; f < files.size(); ++f) {
      files[f].label = f == 9 ? kLongLabel : "machine " + std::to_string(f);
      for (auto& run : test.runs) run.value *= 1.05;
      test.summary = summarize(test.samples());
      files[f].tests.push_back(test);
    }
  }
  std::ostringstream out;
  make_html_reporter()->write(
      compare(files, &reference, {Statistic::Mean, {{"ramspeed", "memory"}, {"c-ray", "render"}}}),
      out);
  const std::string html = out.str();
  const auto tests = charts(html, "test");
  ASSERT_EQ(tests.size(), 60u);
  for (const auto& [name, bars] : tests) EXPECT_EQ(bars.size(), 10u) << name;
  EXPECT_NE(html.find("<h2 class=\"category\">memory</h2>"), std::string::npos);
  // Axis ticks carry the decimals their step needs: 0.5, not 0.5000.
  EXPECT_NE(html.find(">0.5</text>"), std::string::npos);
  EXPECT_EQ(html.find(">0.5000</text>"), std::string::npos);
  // A label longer than the label area is cut to fit, whole in its tooltip.
  const std::string title = "<title>" + kLongLabel + "</title>";
  const auto at = html.find(title);
  ASSERT_NE(at, std::string::npos);
  const auto shown_from = at + title.size();
  const std::string shown = html.substr(shown_from, html.find("</text>", shown_from) - shown_from);
  EXPECT_LE(display_width(shown), 17u) << shown;
  EXPECT_EQ(shown.substr(shown.size() - std::string("…").size()), "…") << shown;
  EXPECT_NE(html.find("<h2 class=\"category\">render</h2>"), std::string::npos);
  EXPECT_LT(html.size(), 3u << 20);
}

}  // namespace
}  // namespace corebench
