// The statements a generated function is made of. Each step exists twice:
// as C++ source text for the compiler under test, and as a native
// evaluation here, so the generator knows the program's answer before the
// compiler has seen it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace corebench::compile {

enum class StepKind {
  SortFold,         // std::vector + std::sort
  MapHistogram,     // std::map, structured bindings
  TextHash,         // std::string, std::to_string, <algorithm>
  MatrixProduct,    // class template instantiated per type and size
  StagePipeline,    // virtual calls through std::unique_ptr
  HashLookup,       // std::unordered_map
  StableSortPairs,  // std::pair, lambdas, std::stable_sort
  TransformReduce,  // std::function, std::transform, std::accumulate
};
constexpr int kStepKinds = 8;

struct Step {
  StepKind kind = StepKind::SortFold;
  std::uint64_t seed = 0;
  int count = 0;  // elements, iterations or matrix order, by kind
  int param = 0;  // modulus, bucket count, element type, by kind
  std::uint64_t constant = 0;
};

// A step of `kind` with random constants, sized so that the generated
// program runs for milliseconds.
Step random_step(StepKind kind, std::uint64_t& rng_state);

// The statements, as a block that folds the step's result into `h`.
std::string step_source(const Step& step);

// The value the step's statements compute.
std::uint64_t step_value(const Step& step);

// The headers the step's statements need ("<map>", "\"core/matrix.h\"").
std::vector<std::string> step_includes(StepKind kind);

// The generated project's own core library (headers and one source file),
// which every step relies on.
std::string core_support_header();
std::string core_matrix_header();
std::string core_stages_header();
std::string core_library_source();  // fnv1a and the stages, out of line

// The fold the generated code uses to combine values; the same function as
// the generated `core::mix`.
std::uint64_t mix(std::uint64_t x);

}  // namespace corebench::compile
