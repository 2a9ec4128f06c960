#include "workloads/compile/code_steps.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace corebench::compile {
namespace {

// The generated `core::Lcg`, natively.
class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return mix(state_);
  }

 private:
  std::uint64_t state_;
};

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// Source templates name their parameters @NAME@; braces stay plain C++.
std::string substitute(std::string text,
                       std::initializer_list<std::pair<std::string_view, std::string>> values) {
  for (const auto& [name, value] : values) {
    std::string key(1, '@');
    key.append(name).push_back('@');
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
      text.replace(at, key.size(), value);
      at += value.size();
    }
  }
  return text;
}

std::string hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text = "0x";
  for (int shift = 60; shift >= 0; shift -= 4) text += kDigits[(value >> shift) & 15];
  return text + "ULL";
}

int uniform(std::uint64_t& state, int low, int high) {
  state = mix(state + 0x9e3779b97f4a7c15ULL);
  return low + static_cast<int>(state % static_cast<std::uint64_t>(high - low + 1));
}

// --- StagePipeline: which stages `constant` selects, shared by both sides.
enum class StageKind { Add, Multiply, Rotate, XorShift };

struct StageChoice {
  StageKind kind;
  std::uint64_t k;
};

std::vector<StageChoice> stage_choices(std::uint64_t constant) {
  std::vector<StageChoice> stages;
  const int count = 3 + static_cast<int>(constant % 4);
  for (int s = 0; s < count; ++s)
    stages.push_back({static_cast<StageKind>((constant >> (2 + 2 * s)) & 3), mix(constant + s)});
  return stages;
}

std::uint64_t apply_stage(const StageChoice& stage, std::uint64_t x) {
  switch (stage.kind) {
    case StageKind::Add: return x + stage.k;
    case StageKind::Multiply: return x * (stage.k | 1);
    case StageKind::Rotate: {
      const unsigned s = static_cast<unsigned>(stage.k % 63 + 1);
      return (x << s) | (x >> (64 - s));
    }
    case StageKind::XorShift: return x ^ (x >> (stage.k % 31 + 1));
  }
  return x;
}

const char* stage_class(StageKind kind) {
  switch (kind) {
    case StageKind::Add: return "AddStage";
    case StageKind::Multiply: return "MultiplyStage";
    case StageKind::Rotate: return "RotateStage";
    case StageKind::XorShift: return "XorShiftStage";
  }
  return "";
}

// --- Native evaluations, one per kind.

std::uint64_t sort_fold(const Step& step) {
  std::vector<std::uint64_t> values(static_cast<std::size_t>(step.count));
  Lcg rng(step.seed);
  for (auto& v : values) v = rng.next() % static_cast<std::uint64_t>(step.param);
  std::sort(values.begin(), values.end());
  std::uint64_t r = 0;
  for (std::size_t i = 0; i < values.size(); ++i) r = mix(r + values[i] * (i | 1));
  return r;
}

std::uint64_t map_histogram(const Step& step) {
  std::map<std::uint32_t, std::uint64_t> counts;
  Lcg rng(step.seed);
  for (int i = 0; i < step.count; ++i) {
    const std::uint64_t x = rng.next();
    counts[static_cast<std::uint32_t>(x % static_cast<std::uint64_t>(step.param))] += x >> 40;
  }
  std::uint64_t r = counts.size();
  for (const auto& [key, total] : counts) r = mix(r ^ (key * 0x9e3779b97f4a7c15ULL + total));
  return r;
}

std::uint64_t text_hash(const Step& step) {
  std::string text;
  Lcg rng(step.seed);
  for (int i = 0; i < step.count; ++i) {
    text += std::to_string(rng.next() % 100000);
    text += i % 8 == 7 ? '\n' : ' ';
  }
  const auto sevens = static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '7'));
  return fnv1a(text) ^ (sevens << 32);
}

template <class T>
std::uint64_t matrix_product(const Step& step) {
  const auto n = static_cast<std::size_t>(step.count);
  const auto random = [n](std::uint64_t seed) {
    std::vector<T> m(n * n);
    Lcg rng(seed);
    for (auto& c : m) c = static_cast<T>(rng.next());
    return m;
  };
  const std::vector<T> a = random(step.seed);
  const std::vector<T> b = random(step.constant);
  std::vector<T> c(n * n, T{});
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t j = 0; j < n; ++j) c[i * n + j] += a[i * n + k] * b[k * n + j];
  T trace{};
  for (std::size_t i = 0; i < n; ++i) trace += c[i * n + i];
  return static_cast<std::uint64_t>(trace) ^ static_cast<std::uint64_t>(c[n - 1]);
}

std::uint64_t stage_pipeline(const Step& step) {
  const std::vector<StageChoice> stages = stage_choices(step.constant);
  std::uint64_t r = step.seed;
  for (int i = 0; i < step.count; ++i)
    for (const auto& stage : stages) r = apply_stage(stage, r);
  return r;
}

std::uint64_t hash_lookup(const Step& step) {
  const auto range = static_cast<std::uint64_t>(step.param);
  std::unordered_map<std::uint64_t, std::uint64_t> table;
  Lcg rng(step.seed);
  for (int i = 0; i < step.count; ++i) {
    const std::uint64_t key = rng.next() % range;
    table[key] = rng.next();
  }
  std::uint64_t r = table.size();
  for (std::uint64_t q = 0; q < range; q += 3) {
    const auto found = table.find(q);
    r = mix(r + (found != table.end() ? found->second : q));
  }
  return r;
}

std::uint64_t stable_sort_pairs(const Step& step) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs(static_cast<std::size_t>(step.count));
  Lcg rng(step.seed);
  for (auto& p : pairs) {
    const std::uint64_t x = rng.next();
    p = {static_cast<std::uint32_t>(x % static_cast<std::uint64_t>(step.param)),
         static_cast<std::uint32_t>(x >> 32)};
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::uint64_t r = 0;
  for (const auto& [group, payload] : pairs) r = mix(r * 31 + group * 7ULL + payload);
  return r;
}

std::uint64_t transform_reduce(const Step& step) {
  std::vector<std::uint64_t> values(static_cast<std::size_t>(step.count));
  std::iota(values.begin(), values.end(), step.seed);
  for (auto& x : values) x = x * step.constant + (x >> 7);
  std::uint64_t r = 0;
  for (const auto x : values) r = mix(r + x);
  return r;
}

// --- Source text, one per kind. Each block folds its result `r` into `h`.

constexpr std::string_view kSortFold = R"(  {
    std::vector<std::uint64_t> values(@N@);
    core::Lcg rng{@SEED@};
    for (auto& v : values) v = rng.next() % @PARAM@U;
    std::sort(values.begin(), values.end());
    std::uint64_t r = 0;
    for (std::size_t i = 0; i < values.size(); ++i) r = core::mix(r + values[i] * (i | 1));
    h = core::mix(h ^ r);
  }
)";

constexpr std::string_view kMapHistogram = R"(  {
    std::map<std::uint32_t, std::uint64_t> counts;
    core::Lcg rng{@SEED@};
    for (int i = 0; i < @N@; ++i) {
      const std::uint64_t x = rng.next();
      counts[static_cast<std::uint32_t>(x % @PARAM@U)] += x >> 40;
    }
    std::uint64_t r = counts.size();
    for (const auto& [key, total] : counts) r = core::mix(r ^ (key * 0x9e3779b97f4a7c15ULL + total));
    h = core::mix(h ^ r);
  }
)";

constexpr std::string_view kTextHash = R"(  {
    std::string text;
    core::Lcg rng{@SEED@};
    for (int i = 0; i < @N@; ++i) {
      text += std::to_string(rng.next() % 100000);
      text += i % 8 == 7 ? '\n' : ' ';
    }
    const auto sevens = static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '7'));
    h = core::mix(h ^ core::fnv1a(text) ^ (sevens << 32));
  }
)";

constexpr std::string_view kMatrixProduct = R"(  {
    using M = core::Matrix<@TYPE@, @N@>;
    const M a = M::random(@SEED@);
    const M b = M::random(@CONSTANT@);
    const M c = a * b;
    h = core::mix(h ^ (static_cast<std::uint64_t>(c.trace()) ^ static_cast<std::uint64_t>(c(0, @N@ - 1))));
  }
)";

constexpr std::string_view kStagePipeline = R"(  {
    std::vector<std::unique_ptr<core::Stage>> stages;
@STAGES@    std::uint64_t r = @SEED@;
    for (int i = 0; i < @N@; ++i)
      for (const auto& stage : stages) r = stage->apply(r);
    h = core::mix(h ^ r);
  }
)";

constexpr std::string_view kHashLookup = R"(  {
    std::unordered_map<std::uint64_t, std::uint64_t> table;
    core::Lcg rng{@SEED@};
    for (int i = 0; i < @N@; ++i) {
      const std::uint64_t key = rng.next() % @PARAM@U;
      table[key] = rng.next();
    }
    std::uint64_t r = table.size();
    for (std::uint64_t q = 0; q < @PARAM@U; q += 3) {
      const auto found = table.find(q);
      r = core::mix(r + (found != table.end() ? found->second : q));
    }
    h = core::mix(h ^ r);
  }
)";

constexpr std::string_view kStableSortPairs = R"(  {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs(@N@);
    core::Lcg rng{@SEED@};
    for (auto& p : pairs) {
      const std::uint64_t x = rng.next();
      p = {static_cast<std::uint32_t>(x % @PARAM@U), static_cast<std::uint32_t>(x >> 32)};
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::uint64_t r = 0;
    for (const auto& [group, payload] : pairs) r = core::mix(r * 31 + group * 7ULL + payload);
    h = core::mix(h ^ r);
  }
)";

constexpr std::string_view kTransformReduce = R"(  {
    const std::function<std::uint64_t(std::uint64_t)> scale = [](std::uint64_t x) {
      return x * @CONSTANT@ + (x >> 7);
    };
    std::vector<std::uint64_t> values(@N@);
    std::iota(values.begin(), values.end(), std::uint64_t{@SEED@});
    std::transform(values.begin(), values.end(), values.begin(), scale);
    const std::uint64_t r = std::accumulate(values.begin(), values.end(), std::uint64_t{0},
        [](std::uint64_t a, std::uint64_t b) { return core::mix(a + b); });
    h = core::mix(h ^ r);
  }
)";

std::string stage_statements(std::uint64_t constant) {
  std::string text;
  for (const auto& stage : stage_choices(constant))
    text += substitute("    stages.push_back(std::make_unique<core::@CLASS@>(@K@));\n",
                       {{"CLASS", stage_class(stage.kind)}, {"K", hex(stage.k)}});
  return text;
}

std::string_view source_template(StepKind kind) {
  switch (kind) {
    case StepKind::SortFold: return kSortFold;
    case StepKind::MapHistogram: return kMapHistogram;
    case StepKind::TextHash: return kTextHash;
    case StepKind::MatrixProduct: return kMatrixProduct;
    case StepKind::StagePipeline: return kStagePipeline;
    case StepKind::HashLookup: return kHashLookup;
    case StepKind::StableSortPairs: return kStableSortPairs;
    case StepKind::TransformReduce: return kTransformReduce;
  }
  return {};
}

}  // namespace

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

Step random_step(StepKind kind, std::uint64_t& rng_state) {
  Step step;
  step.kind = kind;
  step.seed = mix(rng_state ^ 0x5851f42d4c957f2dULL);
  step.constant = mix(step.seed + 0x14057b7ef767814fULL);
  switch (step.kind) {
    case StepKind::SortFold:
      step.count = uniform(rng_state, 100, 1500);
      step.param = uniform(rng_state, 50, 100000);
      break;
    case StepKind::MapHistogram:
      step.count = uniform(rng_state, 100, 1500);
      step.param = uniform(rng_state, 8, 500);
      break;
    case StepKind::TextHash: step.count = uniform(rng_state, 30, 400); break;
    case StepKind::MatrixProduct:
      step.count = uniform(rng_state, 3, 10);
      step.param = uniform(rng_state, 0, 1);  // element type
      break;
    case StepKind::StagePipeline: step.count = uniform(rng_state, 50, 1000); break;
    case StepKind::HashLookup:
      step.count = uniform(rng_state, 100, 1500);
      step.param = uniform(rng_state, 50, 3000);
      break;
    case StepKind::StableSortPairs:
      step.count = uniform(rng_state, 100, 1500);
      step.param = uniform(rng_state, 4, 64);
      break;
    case StepKind::TransformReduce: step.count = uniform(rng_state, 100, 1500); break;
  }
  return step;
}

std::string step_source(const Step& step) {
  return substitute(
      std::string(source_template(step.kind)),
      {{"N", std::to_string(step.count)},
       {"PARAM", std::to_string(step.param)},
       {"SEED", hex(step.seed)},
       {"CONSTANT", hex(step.constant)},
       {"TYPE", step.param == 0 ? "std::uint32_t" : "std::uint64_t"},
       {"STAGES",
        step.kind == StepKind::StagePipeline ? stage_statements(step.constant) : std::string()}});
}

std::uint64_t step_value(const Step& step) {
  switch (step.kind) {
    case StepKind::SortFold: return sort_fold(step);
    case StepKind::MapHistogram: return map_histogram(step);
    case StepKind::TextHash: return text_hash(step);
    case StepKind::MatrixProduct:
      return step.param == 0 ? matrix_product<std::uint32_t>(step)
                             : matrix_product<std::uint64_t>(step);
    case StepKind::StagePipeline: return stage_pipeline(step);
    case StepKind::HashLookup: return hash_lookup(step);
    case StepKind::StableSortPairs: return stable_sort_pairs(step);
    case StepKind::TransformReduce: return transform_reduce(step);
  }
  return 0;
}

std::vector<std::string> step_includes(StepKind kind) {
  switch (kind) {
    case StepKind::SortFold: return {"<algorithm>", "<vector>"};
    case StepKind::MapHistogram: return {"<map>"};
    case StepKind::TextHash: return {"<algorithm>", "<string>"};
    case StepKind::MatrixProduct: return {"\"core/matrix.h\""};
    case StepKind::StagePipeline: return {"<memory>", "<vector>", "\"core/stages.h\""};
    case StepKind::HashLookup: return {"<unordered_map>"};
    case StepKind::StableSortPairs: return {"<algorithm>", "<utility>", "<vector>"};
    case StepKind::TransformReduce: return {"<algorithm>", "<functional>", "<numeric>", "<vector>"};
  }
  return {};
}

std::string core_support_header() {
  return R"(// Hashing and random numbers every module uses.
#pragma once

#include <cstdint>
#include <string_view>

namespace proj::core {

constexpr std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

class Lcg {
 public:
  explicit constexpr Lcg(std::uint64_t seed) : state_(seed) {}
  constexpr std::uint64_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return mix(state_);
  }

 private:
  std::uint64_t state_;
};

std::uint64_t fnv1a(std::string_view text);

}  // namespace proj::core
)";
}

std::string core_matrix_header() {
  return R"(// Small fixed-size matrices.
#pragma once

#include <array>
#include <cstdint>

#include "core/support.h"

namespace proj::core {

template <class T, int N>
class Matrix {
 public:
  static Matrix random(std::uint64_t seed) {
    Matrix m;
    Lcg rng{seed};
    for (auto& row : m.cells_)
      for (auto& cell : row) cell = static_cast<T>(rng.next());
    return m;
  }

  const T& operator()(int row, int col) const { return cells_[row][col]; }

  Matrix operator*(const Matrix& other) const {
    Matrix product;
    for (int i = 0; i < N; ++i)
      for (int k = 0; k < N; ++k)
        for (int j = 0; j < N; ++j) product.cells_[i][j] += cells_[i][k] * other.cells_[k][j];
    return product;
  }

  T trace() const {
    T sum{};
    for (int i = 0; i < N; ++i) sum += cells_[i][i];
    return sum;
  }

 private:
  std::array<std::array<T, N>, N> cells_{};
};

}  // namespace proj::core
)";
}

std::string core_stages_header() {
  return R"(// Interchangeable transformation stages.
#pragma once

#include <cstdint>

namespace proj::core {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::uint64_t apply(std::uint64_t x) const = 0;
};

class AddStage final : public Stage {
 public:
  explicit AddStage(std::uint64_t k) : k_(k) {}
  std::uint64_t apply(std::uint64_t x) const override;

 private:
  std::uint64_t k_;
};

class MultiplyStage final : public Stage {
 public:
  explicit MultiplyStage(std::uint64_t k) : k_(k | 1) {}
  std::uint64_t apply(std::uint64_t x) const override;

 private:
  std::uint64_t k_;
};

class RotateStage final : public Stage {
 public:
  explicit RotateStage(std::uint64_t k) : shift_(static_cast<unsigned>(k % 63 + 1)) {}
  std::uint64_t apply(std::uint64_t x) const override;

 private:
  unsigned shift_;
};

class XorShiftStage final : public Stage {
 public:
  explicit XorShiftStage(std::uint64_t k) : shift_(static_cast<unsigned>(k % 31 + 1)) {}
  std::uint64_t apply(std::uint64_t x) const override;

 private:
  unsigned shift_;
};

}  // namespace proj::core
)";
}

std::string core_library_source() {
  return R"(#include <string_view>

#include "core/stages.h"
#include "core/support.h"

namespace proj::core {

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

std::uint64_t AddStage::apply(std::uint64_t x) const { return x + k_; }
std::uint64_t MultiplyStage::apply(std::uint64_t x) const { return x * k_; }
std::uint64_t RotateStage::apply(std::uint64_t x) const {
  return (x << shift_) | (x >> (64 - shift_));
}
std::uint64_t XorShiftStage::apply(std::uint64_t x) const { return x ^ (x >> shift_); }

}  // namespace proj::core
)";
}

}  // namespace corebench::compile
