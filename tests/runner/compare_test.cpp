#include "runner/results/compare.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "runner/results/report/reporter.h"

namespace corebench {
namespace {

TestResult test(const std::string& name, Direction direction, std::vector<double> values,
                Status status = Status::Ok) {
  TestResult t;
  t.name = name;
  t.unit = direction == Direction::HigherIsBetter ? "MB/s" : "s";
  t.direction = direction;
  t.status = status;
  for (double v : values) t.runs.push_back({false, 1, v, true, "", {}});
  t.summary = summarize(t.samples());
  return t;
}

ResultFile file(const std::string& label, std::vector<TestResult> tests) {
  ResultFile f;
  f.label = label;
  f.tests = std::move(tests);
  return f;
}

TEST(Multiplier, AboveOneMeansBetterInBothDirections) {
  EXPECT_DOUBLE_EQ(multiplier(200, 100, Direction::HigherIsBetter), 2.0);
  EXPECT_DOUBLE_EQ(multiplier(50, 100, Direction::LowerIsBetter), 2.0);
  EXPECT_DOUBLE_EQ(multiplier(200, 100, Direction::LowerIsBetter), 0.5);
}

TEST(GeometricMean, OfKnownValues) {
  EXPECT_DOUBLE_EQ(*geometric_mean({2, 8}), 4);
  EXPECT_NEAR(*geometric_mean({1, 2, 4}), 2, 1e-12);
  EXPECT_FALSE(geometric_mean({}).has_value());
}

TEST(Compare, MultipliersAndGeomeanOverCommonTests) {
  const ResultFile reference = file("ref", {test("bw", Direction::HigherIsBetter, {100}),
                                            test("time", Direction::LowerIsBetter, {10}),
                                            test("only-ref", Direction::HigherIsBetter, {1})});
  const ResultFile a = file("a", {test("bw", Direction::HigherIsBetter, {200}),
                                  test("time", Direction::LowerIsBetter, {20}),
                                  test("only-a", Direction::HigherIsBetter, {5})});
  const ResultFile b = file("b", {test("bw", Direction::HigherIsBetter, {400}),
                                  test("time", Direction::LowerIsBetter, {5})});
  const Comparison table = compare({a, b}, &reference);
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_NEAR(table.rows[0].cells[0].multiplier->value, 2.0, 1e-12);
  EXPECT_NEAR(table.rows[0].cells[1].multiplier->value, 4.0, 1e-12);
  EXPECT_NEAR(table.rows[1].cells[0].multiplier->value, 0.5, 1e-12);
  EXPECT_NEAR(table.rows[1].cells[1].multiplier->value, 2.0, 1e-12);
  // only-a: b lacks it, and the reference too, so no multiplier at all.
  EXPECT_TRUE(table.rows[2].cells[0].present);
  EXPECT_FALSE(table.rows[2].cells[0].multiplier.has_value());
  EXPECT_FALSE(table.rows[2].cells[1].present);
  EXPECT_EQ(table.geomean_tests, 2u);
  EXPECT_NEAR(table.geomean[0]->value, 1.0, 1e-12);  // sqrt(2 * 0.5)
  EXPECT_NEAR(table.geomean[1]->value, std::sqrt(8.0), 1e-12);
}

TEST(Compare, FailedTestHasNoMultiplierAndLeavesTheGeomean) {
  const ResultFile reference = file("ref", {test("x", Direction::HigherIsBetter, {1}),
                                            test("y", Direction::HigherIsBetter, {1})});
  const ResultFile a = file("a", {test("x", Direction::HigherIsBetter, {3}),
                                  test("y", Direction::HigherIsBetter, {}, Status::Timeout)});
  const Comparison table = compare({a}, &reference);
  EXPECT_EQ(table.rows[1].cells[0].status, Status::Timeout);
  EXPECT_FALSE(table.rows[1].cells[0].multiplier.has_value());
  EXPECT_EQ(table.geomean_tests, 1u);
  EXPECT_NEAR(table.geomean[0]->value, 3.0, 1e-12);
}

// A default that changed between versions gives one name to two kinds of
// work (linpack's blas): such a cell is shown, flagged, and not compared.
TEST(Compare, OtherResolvedOptionsThanTheReferencesGiveNoMultiplier) {
  TestResult ours = test("linpack:n=2000", Direction::HigherIsBetter, {20});
  ours.options = {{"blas", "system"}, {"n", "2000"}, {"leaf", "x"}};
  TestResult theirs = test("linpack:n=2000", Direction::HigherIsBetter, {10});
  theirs.options = {{"blas", "eigen"}, {"n", "2000"}};  // no "leaf": older, not different
  const ResultFile reference = file("ref", {theirs, test("y", Direction::HigherIsBetter, {1})});
  const ResultFile a = file("a", {ours, test("y", Direction::HigherIsBetter, {3})});
  const Comparison table = compare({a}, &reference);
  EXPECT_EQ(table.rows[0].cells[0].options_differ, "blas=system, ref eigen");
  EXPECT_FALSE(table.rows[0].cells[0].multiplier.has_value());
  EXPECT_EQ(table.geomean_tests, 1u);
  EXPECT_TRUE(table.rows[1].cells[0].options_differ.empty());
  std::ostringstream text;
  make_reporter("text")->write(table, text);
  EXPECT_NE(text.str().find("a linpack:n=2000: not the reference's work, no multiplier: "
                            "blas=system, ref eigen"),
            std::string::npos)
      << text.str();
}

TEST(Compare, WithoutReferenceThereAreNoMultipliers) {
  const Comparison table =
      compare({file("a", {test("x", Direction::HigherIsBetter, {3})})}, nullptr);
  EXPECT_FALSE(table.rows[0].cells[0].multiplier.has_value());
  EXPECT_EQ(table.geomean_tests, 0u);
}

std::string render(const std::string& format, const Comparison& table) {
  std::ostringstream out;
  make_reporter(format)->write(table, out);
  return out.str();
}

TEST(Reporters, EveryFormatShowsMultipliersAndMissingCells) {
  const ResultFile reference = file("ref", {test("bw", Direction::HigherIsBetter, {100})});
  const ResultFile a = file("a", {test("bw", Direction::HigherIsBetter, {150}),
                                  test("extra", Direction::HigherIsBetter, {1})});
  const ResultFile b = file("b", {test("bw", Direction::HigherIsBetter, {50})});
  const Comparison table = compare({a, b}, &reference);
  const std::string text = render("text", table);
  EXPECT_NE(text.find("1.50x"), std::string::npos) << text;
  EXPECT_NE(text.find("0.50x"), std::string::npos) << text;
  EXPECT_NE(text.find("—"), std::string::npos) << text;
  EXPECT_NE(text.find("geometric mean (1 tests)"), std::string::npos) << text;
  const std::string markdown = render("markdown", table);
  EXPECT_NE(markdown.find("| bw | MB/s ↑ |"), std::string::npos) << markdown;
  const std::string csv = render("csv", table);
  EXPECT_NE(csv.find("bw,MB/s,true,100,150,0,1,ok,1.5,,,,0,50,0,1,ok,0.5,,,,0"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("missing"), std::string::npos) << csv;
  const auto json = nlohmann::json::parse(render("json", table));
  EXPECT_NEAR(json["rows"][0]["results"][1]["multiplier"]["value"].get<double>(), 0.5, 1e-12);
  EXPECT_TRUE(json["rows"][1]["results"][1].is_null());
  const std::string html = render("html", table);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find(">1.50x</text>"), std::string::npos) << html;
  EXPECT_NE(html.find("class=\"bar\" data-machine=\"a\""), std::string::npos) << html;
  EXPECT_NE(html.find("100.0 MB/s = 1.00x"), std::string::npos) << html;
}

TEST(Reporters, ShowWhatEachFileWasBuiltFor) {
  ResultFile reference = file("ref", {test("bw", Direction::HigherIsBetter, {100})});
  ResultFile a = file("a", {test("bw", Direction::HigherIsBetter, {150})});
  reference.system.build.compiler = "g++ 12.2.0";  // an older file: no target
  a.system.build = {"0.1.0", "g++ 14.2.0", "Release", "-O3 -mcpu=cortex-x925", "aarch64", "gb10"};
  const Comparison table = compare({a}, &reference);
  EXPECT_EQ(table.builds, std::vector<std::string>{"gb10, g++ 14.2.0"});
  EXPECT_EQ(table.reference_build, "g++ 12.2.0");
  const std::string text = render("text", table);
  EXPECT_NE(text.find("build "), std::string::npos) << text;
  EXPECT_NE(text.find("gb10, g++ 14.2.0"), std::string::npos) << text;
  EXPECT_NE(render("markdown", table).find("| build |  | g++ 12.2.0 | gb10, g++ 14.2.0 |"),
            std::string::npos)
      << render("markdown", table);
  EXPECT_EQ(nlohmann::json::parse(render("json", table))["builds"][0], "gb10, g++ 14.2.0");
}

TEST(Reporters, UnknownFormatIsAnError) {
  EXPECT_ANY_THROW(make_reporter("pdf"));
}

}  // namespace
}  // namespace corebench
