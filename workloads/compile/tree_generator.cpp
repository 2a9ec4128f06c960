#include "workloads/compile/tree_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "workloads/compile/code_steps.h"

namespace corebench::compile {
namespace {

struct UnitName {
  int module;
  int unit;
  std::string ns() const { return fmt::format("mod{:02}", module); }
  std::string cls() const { return fmt::format("Unit{:02}", unit); }
  std::string stem() const { return fmt::format("unit{:02}", unit); }
  std::string header() const { return ns() + "/" + stem() + ".h"; }
  std::string entry() const { return ns() + "::" + stem() + "_checksum"; }
};

struct GeneratedUnit {
  SourceFile header;
  SourceFile source;
  std::uint64_t checksum = 0;
};

std::string unit_header(const UnitName& name, int functions) {
  std::string methods;
  for (int f = 0; f < functions; ++f)
    methods += fmt::format("  std::uint64_t stage_{}() const;\n", f);
  return fmt::format(R"(// Unit {1} of module {0}.
#pragma once

#include <cstdint>

#include "core/support.h"

namespace proj::{0} {{

class {1} {{
 public:
  explicit {1}(std::uint64_t salt) : salt_(salt) {{}}
  std::uint64_t checksum() const;

 private:
{2}
  std::uint64_t salt_;
}};

std::uint64_t {3}_checksum();

}}  // namespace proj::{0}
)",
                     name.ns(), name.cls(), methods, name.stem());
}

struct GeneratedFunction {
  std::string text;
  std::uint64_t value = 0;  // what the function returns
};

// Member function `index` of a unit: `steps` steps folded into `h`. The
// native evaluation runs alongside the text so the two cannot drift apart.
GeneratedFunction generate_function(const UnitName& name, int index, int steps, std::uint64_t salt,
                                    std::set<std::string>& includes, std::uint64_t& rng_state) {
  const std::uint64_t start = mix(salt + static_cast<std::uint64_t>(index));
  std::uint64_t h = salt ^ start;
  std::string body;
  // Kinds in rotation from a random start: a function of kStepKinds steps
  // uses every kind once.
  const auto first_kind = static_cast<int>(rng_state % kStepKinds);
  for (int s = 0; s < steps; ++s) {
    const Step step = random_step(static_cast<StepKind>((first_kind + s) % kStepKinds), rng_state);
    for (auto& include : step_includes(step.kind)) includes.insert(include);
    body += step_source(step);
    h = mix(h ^ step_value(step));
  }
  return {fmt::format("std::uint64_t {}::stage_{}() const {{\n  std::uint64_t h = salt_ ^ "
                      "{:#x}ULL;\n{}  return h;\n}}\n\n",
                      name.cls(), index, start, body),
          h};
}

GeneratedUnit generate_unit(const UnitName& name, int functions, int steps,
                            std::uint64_t& rng_state) {
  const std::uint64_t salt = mix(rng_state += 0x9e3779b97f4a7c15ULL);
  std::set<std::string> includes;
  std::string bodies;
  std::uint64_t checksum = salt;
  for (int f = 0; f < functions; ++f) {
    const GeneratedFunction function = generate_function(name, f, steps, salt, includes, rng_state);
    bodies += function.text;
    checksum = mix(checksum + function.value);
  }
  std::string fold;
  for (int f = 0; f < functions; ++f) fold += fmt::format("  h = core::mix(h + stage_{}());\n", f);

  std::string system_includes, project_includes;
  for (const auto& include : includes)
    (include.front() == '<' ? system_includes : project_includes) += "#include " + include + "\n";

  GeneratedUnit unit;
  unit.checksum = checksum;
  unit.header = {"include/" + name.header(), unit_header(name, functions)};
  unit.source = {"src/" + name.ns() + "/" + name.stem() + ".cpp",
                 fmt::format(R"(#include "{0}"

#include <cstddef>
{1}
{2}
namespace proj::{3} {{

{4}std::uint64_t {5}::checksum() const {{
  std::uint64_t h = salt_;
{6}  return h;
}}

std::uint64_t {7}_checksum() {{ return {5}{{{8:#x}ULL}}.checksum(); }}

}}  // namespace proj::{3}
)",
                             name.header(), system_includes, project_includes, name.ns(), bodies,
                             name.cls(), fold, name.stem(), salt)};
  return unit;
}

std::string main_source(const std::vector<UnitName>& units) {
  std::string includes, calls;
  for (const auto& unit : units) {
    includes += fmt::format("#include \"{}\"\n", unit.header());
    calls += fmt::format("  h = proj::core::mix(h ^ proj::{}());\n", unit.entry());
  }
  return fmt::format(R"(#include <cstdint>
#include <cstdio>

{}
int main() {{
  std::uint64_t h = 0;
{}  std::printf("checksum %016llx\n", static_cast<unsigned long long>(h));
  return 0;
}}
)",
                     includes, calls);
}

std::size_t count_lines(const std::vector<SourceFile>& files) {
  std::size_t lines = 0;
  for (const auto& file : files) lines += std::count(file.text.begin(), file.text.end(), '\n');
  return lines;
}

}  // namespace

TreeShape tree_shape(const std::string& size) {
  if (size == "probe") return {1, 1, 1, kStepKinds, 0, 1};
  if (size == "small") return {1, 4, 4, 6, 1, 3};
  if (size == "medium") return {12, 5, 4, 6, 3, 8};
  if (size == "large") return {32, 8, 4, 6, 8, 8};
  throw std::invalid_argument("unknown tree size '" + size + "' (small, medium, large)");
}

SourceTree generate_tree(const TreeShape& shape, std::uint64_t seed) {
  SourceTree tree;
  tree.include_dirs = {"include"};
  tree.files = {{"include/core/support.h", core_support_header()},
                {"include/core/matrix.h", core_matrix_header()},
                {"include/core/stages.h", core_stages_header()},
                {"src/core/library.cpp", core_library_source()}};
  tree.translation_units = {"src/core/library.cpp"};

  std::uint64_t rng_state = mix(seed ^ 0x243f6a8885a308d3ULL);
  std::vector<UnitName> names;
  int large_left = shape.large_units;
  for (int m = 0; m < shape.modules; ++m) {
    for (int u = 0; u < shape.units_per_module; ++u) {
      // Large units are spread over the modules, the first unit of each.
      const bool large = u == 0 && large_left > 0 &&
                         m % std::max(1, shape.modules / std::max(1, shape.large_units)) == 0;
      if (large) --large_left;
      const UnitName name{m, u};
      const int functions = shape.functions_per_unit * (large ? shape.large_factor : 1);
      GeneratedUnit unit = generate_unit(name, functions, shape.steps_per_function, rng_state);
      tree.checksum = mix(tree.checksum ^ unit.checksum);
      tree.translation_units.push_back(unit.source.path);
      tree.files.push_back(std::move(unit.header));
      tree.files.push_back(std::move(unit.source));
      names.push_back(name);
    }
  }
  tree.files.push_back({"src/main.cpp", main_source(names)});
  tree.translation_units.push_back("src/main.cpp");
  tree.lines = count_lines(tree.files);
  return tree;
}

std::string checksum_line(std::uint64_t checksum) {
  return fmt::format("checksum {:016x}", checksum);
}

}  // namespace corebench::compile
