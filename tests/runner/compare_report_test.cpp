// The comparison's reports as people read them: widths, intervals, ties,
// outliers, the per-run CSV.
#include <gtest/gtest.h>

#include <sstream>

#include "runner/results/compare.h"
#include "runner/results/report/reporter.h"
#include "runner/results/report/text_layout.h"

namespace corebench {
namespace {

TestResult test(const std::string& name, std::vector<double> values,
                Direction direction = Direction::HigherIsBetter) {
  TestResult t;
  t.name = name;
  t.workload = name.substr(0, name.find(':'));
  t.unit = direction == Direction::HigherIsBetter ? "MB/s" : "s";
  t.direction = direction;
  for (double v : values) t.runs.push_back({false, 0.5, v, true, "", {}, {"0", "1"}});
  t.summary = summarize(t.samples());
  return t;
}

const std::vector<std::string> kNames = {
    "ramspeed:op=copy,type=int @cpus=0-1 threads=2",
    "lulesh:size=30,iterations=100,regions=11,balance=1,cost=1 @cpus=x925-cluster0 threads=5",
    "c-ray:scene=sphfract,width=1920,height=1080,rays=8"};

// Runs scaled by `factor`, a little noise each.
ResultFile machine(const std::string& label, double factor) {
  ResultFile f;
  f.label = label;
  f.system.hostname = label;
  for (const auto& name : kNames)
    f.tests.push_back(test(name, {100 * factor, 101 * factor, 99.5 * factor, 100.4 * factor}));
  return f;
}

std::string render(const std::string& format, const Comparison& table) {
  std::ostringstream out;
  make_reporter(format)->write(table, out);
  return out.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::size_t widest(const std::string& text) {
  std::size_t w = 0;
  for (const auto& line : lines(text)) w = std::max(w, display_width(line));
  return w;
}

std::string text_for(std::size_t files) {
  const ResultFile reference =
      machine("the-reference-machine-with-a-label-that-once-was-a-column-header", 1);
  std::vector<ResultFile> list;
  for (std::size_t i = 0; i < files; ++i)
    list.push_back(machine(i % 2 ? "short" + std::to_string(i)
                                 : "a-very-long-machine-label-number-" + std::to_string(i),
                           1 + 0.25 * static_cast<double>(i)));
  return render("text", compare(list, &reference));
}

TEST(TextWidth, OneFileFitsAHundredColumns) {
  const std::string text = text_for(1);
  EXPECT_LE(widest(text), kTextWidth) << text;
  EXPECT_NE(text.find("#1 = a-very-long-machine-label-number-0"), std::string::npos) << text;
  EXPECT_NE(text.find("ref = the-reference-machine"), std::string::npos) << text;
}

TEST(TextWidth, ThreeFilesFitAHundredColumns) {
  const std::string text = text_for(3);
  EXPECT_LE(widest(text), kTextWidth) << text;
  // Short labels head their own columns; long ones are numbered.
  EXPECT_NE(text.find("short1"), std::string::npos) << text;
  EXPECT_NE(text.find("#3 = a-very-long-machine-label-number-2"), std::string::npos) << text;
  // The long test name is wrapped, not cut: every piece of it is there.
  for (const char* piece : {"lulesh:size=30", "regions=11", "@cpus=x925-cluster0"})
    EXPECT_NE(text.find(piece), std::string::npos) << piece << "\n" << text;
  EXPECT_NE(text.find("1.50x"), std::string::npos) << text;
}

TEST(TextWidth, SixFilesComeThreeAtATime) {
  const std::string text = text_for(6);
  EXPECT_LE(widest(text), kTextWidth) << text;
  std::size_t headers = 0;
  for (const auto& line : lines(text))
    if (line.rfind("test ", 0) == 0) ++headers;
  EXPECT_EQ(headers, 2u) << text;
  for (const char* label : {"#1 =", "short1", "#3 =", "short3", "#5 =", "short5"})
    EXPECT_NE(text.find(label), std::string::npos) << label << "\n" << text;
  EXPECT_NE(text.find("2.25x"), std::string::npos) << text;  // the sixth file's multiplier
}

TEST(TextLayout, WrapsAtCommasAndKeepsEveryCharacter) {
  const auto wrapped = wrap_text("lulesh:size=30,iterations=100,regions=11", 16);
  std::string joined;
  for (const auto& line : wrapped) {
    EXPECT_LE(display_width(line), 16u) << line;
    joined += line;
  }
  EXPECT_EQ(joined, "lulesh:size=30,iterations=100,regions=11");
  EXPECT_EQ(wrapped.front(), "lulesh:size=30,");
}

TEST(TextReport, TiesAreMarkedAndDifferencesAreNot) {
  ResultFile reference, same, faster;
  reference.label = "ref";
  same.label = "same";
  faster.label = "faster";
  reference.tests = {test("bw", {100, 103, 97, 101})};
  same.tests = {test("bw", {101, 99, 102, 98})};
  faster.tests = {test("bw", {200, 202, 198, 201})};
  const Comparison table = compare({same, faster}, &reference);
  EXPECT_TRUE(table.rows[0].cells[0].multiplier->tie());
  EXPECT_FALSE(table.rows[0].cells[1].multiplier->tie());
  const std::string text = render("text", table);
  EXPECT_NE(text.find("≈1.00x ±"), std::string::npos) << text;
  EXPECT_NE(text.find(" 2.00x ±"), std::string::npos) << text;
  EXPECT_EQ(text.find("≈2.00x"), std::string::npos) << text;
  const auto json = nlohmann::json::parse(render("json", table));
  EXPECT_TRUE(json["rows"][0]["results"][0]["multiplier"]["tie"].get<bool>());
  EXPECT_FALSE(json["rows"][0]["results"][1]["multiplier"]["tie"].get<bool>());
  EXPECT_LT(json["rows"][0]["results"][1]["multiplier"]["interval"][0].get<double>(), 2.0);
}

TEST(TextReport, OutlierRunsAreNamedAndKept) {
  ResultFile reference, a;
  reference.label = "ref";
  a.label = "a";
  reference.tests = {test("bw", {100, 100.5, 99.5, 100.2, 99.8})};
  a.tests = {test("bw", {100, 100.5, 99.5, 100.2, 150})};
  const Comparison table = compare({a}, &reference);
  EXPECT_EQ(table.rows[0].cells[0].outliers, std::vector<std::size_t>{4});
  EXPECT_EQ(table.rows[0].cells[0].runs.size(), 5u);  // kept
  const std::string text = render("text", table);
  EXPECT_NE(text.find("a bw: run 5 is an outlier (150.0; median 100.2), kept"), std::string::npos)
      << text;
}

// A test that started while another process took a CPU is named under the
// table (and in every format), with what ran: the reader decides.
TEST(TextReport, BusyAtStartIsNamed) {
  ResultFile reference, a;
  reference.label = "ref";
  a.label = "a";
  reference.tests = {test("bw", {100, 101, 99})};
  a.tests = {test("bw", {100, 101, 99}), test("quiet", {1, 1, 1})};
  a.tests[0].start_load = {.load_average = {1.93, 1, 1},
                           .busiest = {{42, "spinner", 0.97, 1}, {43, "idle", 0.05, 0}}};
  a.tests[1].start_load = {.load_average = {0.1, 0, 0}, .busiest = {{43, "idle", 0.05, 0}}};
  const Comparison table = compare({a}, &reference);
  EXPECT_EQ(table.rows[0].cells[0].busy_at_start, "spinner (pid 42) 97 % of a CPU; load 1.93");
  EXPECT_EQ(table.rows[1].cells[0].busy_at_start, "");
  const std::string text = render("text", table);
  EXPECT_NE(text.find("* a bw: busy when it started: spinner (pid 42) 97 % of a CPU; load 1.93"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("a quiet: busy"), std::string::npos) << text;
  EXPECT_NE(render("markdown", table).find("(busy at start: spinner"), std::string::npos);
  EXPECT_NE(render("html", table).find("a: busy when it started: spinner"), std::string::npos);
}

TEST(CompareStatistic, MedianUsesMediansAndTheirInterval) {
  ResultFile reference, a;
  reference.label = "ref";
  a.label = "a";
  reference.tests = {test("bw", {100, 101, 99, 100, 100})};
  a.tests = {test("bw", {200, 202, 198, 200, 400})};
  const Comparison mean = compare({a}, &reference, {Statistic::Mean, {}});
  const Comparison median = compare({a}, &reference, {Statistic::Median, {}});
  EXPECT_DOUBLE_EQ(median.rows[0].cells[0].value, 200);
  EXPECT_DOUBLE_EQ(*median.rows[0].reference, 100);
  EXPECT_NEAR(median.rows[0].cells[0].multiplier->value, 2.0, 1e-12);
  EXPECT_GT(mean.rows[0].cells[0].multiplier->value, 2.2);  // the 400 pulls the mean
  EXPECT_FALSE(median.geomean[0]->tie());
  EXPECT_NE(render("text", median).find("median of the runs"), std::string::npos);
  EXPECT_NE(render("csv", median).find("a median"), std::string::npos);
}

TEST(CsvRuns, OneRowPerCountedRun) {
  ResultFile reference, a;
  reference.label = "ref";
  a.label = "a, the first";
  TestResult t = test("bw", {10, 11, 30, 10.5, 10.2});
  t.runs.insert(t.runs.begin(), RunRecord{true, 0.4, 9, true, "", {}, {"0"}});  // warm-up
  a.tests = {t};
  reference.tests = {test("bw", {10})};
  const std::string csv = render("csv-runs", compare({a}, &reference));
  const auto rows = lines(csv);
  ASSERT_EQ(rows.size(), 6u) << csv;
  EXPECT_EQ(rows[0], "file,test,run,value,unit,seconds,cpus_seen,strayed,outlier");
  EXPECT_EQ(rows[1], "\"a, the first\",bw,1,10,MB/s,0.5,0 1,false,false");
  EXPECT_EQ(rows[3], "\"a, the first\",bw,3,30,MB/s,0.5,0 1,false,true");
}

}  // namespace
}  // namespace corebench
