#include "workloads/options.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace corebench {
namespace {

struct Unit {
  const char* suffix;
  double factor;
};

// Longest suffixes first so "MiB" is not read as "M" followed by junk.
constexpr Unit kUnits[] = {
    {"KiB", 1024.0},
    {"MiB", 1024.0 * 1024},
    {"GiB", 1024.0 * 1024 * 1024},
    {"KB", 1e3},
    {"MB", 1e6},
    {"GB", 1e9},
    {"K", 1024.0},
    {"M", 1024.0 * 1024},
    {"G", 1024.0 * 1024 * 1024},
    {"B", 1.0},
};

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Parses a whole string as a finite double; nothing may follow the number.
bool parse_number(const std::string& text, double& out) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

const OptionSpec* find_spec(const std::vector<OptionSpec>& specs, const std::string& name) {
  for (const auto& spec : specs)
    if (spec.name == name) return &spec;
  return nullptr;
}

std::string known_names(const std::vector<OptionSpec>& specs) {
  std::string names;
  for (const auto& spec : specs) names += (names.empty() ? "" : ", ") + spec.name;
  return names.empty() ? "none" : names;
}

std::string describe_range(const OptionSpec& spec) {
  if (spec.kind == OptionKind::Bytes)
    return fmt::format("{} to {}", format_bytes(static_cast<std::uint64_t>(spec.min)),
                       format_bytes(static_cast<std::uint64_t>(spec.max)));
  return fmt::format("{} to {}", spec.min, spec.max);
}

void check_range(const OptionSpec& spec, const std::string& value, double number) {
  if (number < spec.min || number > spec.max)
    throw OptionError(fmt::format("option '{}': {} is out of range ({})", spec.name, value,
                                  describe_range(spec)));
}

void check_value(const OptionSpec& spec, const std::string& value) {
  if (value == "auto" && spec.default_value == "auto") return;
  double number = 0;
  switch (spec.kind) {
    case OptionKind::Choice:
      for (const auto& choice : spec.choices)
        if (choice == value) return;
      throw OptionError(fmt::format("option '{}': '{}' is not one of {}", spec.name, value,
                                    fmt::join(spec.choices, ", ")));
    case OptionKind::Integer:
      if (!parse_number(value, number) || number != std::floor(number))
        throw OptionError(fmt::format("option '{}': '{}' is not a whole number", spec.name, value));
      return check_range(spec, value, number);
    case OptionKind::Real:
      if (!parse_number(value, number))
        throw OptionError(fmt::format("option '{}': '{}' is not a number", spec.name, value));
      return check_range(spec, value, number);
    case OptionKind::Bytes: try { number = static_cast<double>(parse_bytes(value));
      } catch (const OptionError& e) {
        throw OptionError(fmt::format("option '{}': {}", spec.name, e.what()));
      }
      return check_range(spec, value, number);
    case OptionKind::Text:
      if (value.empty()) throw OptionError(fmt::format("option '{}' is empty", spec.name));
      if (spec.check) spec.check(value);
      return;
  }
}

}  // namespace

std::uint64_t parse_bytes(const std::string& text) {
  double factor = 1;
  std::string digits = text;
  for (const auto& unit : kUnits) {
    if (ends_with(text, unit.suffix)) {
      factor = unit.factor;
      digits = text.substr(0, text.size() - std::char_traits<char>::length(unit.suffix));
      break;
    }
  }
  double number = 0;
  if (!parse_number(digits, number) || number < 0)
    throw OptionError(fmt::format("'{}' is not a size (examples: 4096, 64MiB, 1.5GiB)", text));
  const double bytes = number * factor;
  if (bytes > 9.0e18) throw OptionError(fmt::format("'{}' is too large", text));
  return static_cast<std::uint64_t>(std::llround(bytes));
}

std::string format_bytes(std::uint64_t bytes) {
  constexpr const char* kNames[] = {"GiB", "MiB", "KiB"};
  constexpr std::uint64_t kSizes[] = {1ull << 30, 1ull << 20, 1ull << 10};
  for (int i = 0; i < 3; ++i)
    if (bytes >= kSizes[i] && bytes % kSizes[i] == 0)
      return fmt::format("{}{}", bytes / kSizes[i], kNames[i]);
  return fmt::format("{}", bytes);
}

OptionValues OptionValues::resolve(const std::vector<OptionSpec>& specs,
                                   const std::map<std::string, std::string>& given) {
  OptionValues resolved;
  for (const auto& [name, value] : given) {
    const OptionSpec* spec = find_spec(specs, name);
    if (!spec)
      throw OptionError(fmt::format("unknown option '{}' (options: {})", name, known_names(specs)));
    check_value(*spec, value);
    resolved.values_[name] = value;
  }
  for (const auto& spec : specs) resolved.values_.emplace(spec.name, spec.default_value);
  return resolved;
}

bool OptionValues::is_auto(const std::string& name) const {
  return text(name) == "auto";
}

const std::string& OptionValues::text(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end())
    throw std::logic_error(fmt::format("option '{}' was never declared", name));
  return it->second;
}

std::int64_t OptionValues::integer(const std::string& name) const {
  return static_cast<std::int64_t>(std::llround(real(name)));
}

double OptionValues::real(const std::string& name) const {
  double number = 0;
  if (!parse_number(text(name), number))
    throw std::logic_error(fmt::format("option '{}' is not numeric", name));
  return number;
}

std::uint64_t OptionValues::bytes(const std::string& name) const {
  return parse_bytes(text(name));
}

OptionDeclaration::OptionDeclaration(std::string name) {
  spec_.name = std::move(name);
}

OptionDeclaration& OptionDeclaration::kind(OptionKind kind, double min, double max) {
  spec_.kind = kind;
  spec_.min = min;
  spec_.max = max;
  return *this;
}

OptionDeclaration& OptionDeclaration::choice(std::vector<std::string> choices) {
  spec_.choices = std::move(choices);
  return kind(OptionKind::Choice, 0, 0);
}

OptionDeclaration& OptionDeclaration::integer(double min, double max) {
  return kind(OptionKind::Integer, min, max);
}

OptionDeclaration& OptionDeclaration::real(double min, double max) {
  return kind(OptionKind::Real, min, max);
}

OptionDeclaration& OptionDeclaration::bytes(double min, double max) {
  return kind(OptionKind::Bytes, min, max);
}

OptionDeclaration& OptionDeclaration::text() {
  return kind(OptionKind::Text, 0, 0);
}

OptionDeclaration& OptionDeclaration::by_default(std::string value) {
  spec_.default_value = std::move(value);
  return *this;
}

OptionDeclaration& OptionDeclaration::help(std::string text) {
  spec_.help = std::move(text);
  return *this;
}

OptionDeclaration& OptionDeclaration::checked_by(std::function<void(const std::string&)> check) {
  spec_.check = std::move(check);
  return *this;
}

}  // namespace corebench
