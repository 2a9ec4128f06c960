// Workload options: what a workload declares, and the validated values a
// user's "name=value" pairs resolve to.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace corebench {

enum class OptionKind {
  Choice,   // one of `choices`
  Integer,  // whole number in [min, max]
  Real,     // number in [min, max]
  Bytes,    // size with optional unit (64MiB, 1G, 4096), in [min, max] bytes
  Text,     // free text
};

struct OptionSpec {
  std::string name;
  OptionKind kind = OptionKind::Text;
  // The value used when the user gives none. "auto" means the workload
  // computes it in setup() (for example from the cache sizes); the user may
  // then also write "auto".
  std::string default_value;
  std::string help;
  std::vector<std::string> choices;
  double min = 0;
  double max = 0;
  // For Text: throws OptionError for a value the workload could not use, so
  // that planning refuses it before anything runs (unset: any non-empty text).
  std::function<void(const std::string&)> check = {};
};

// How workloads declare an option, every field by name so none can be
// swapped for its neighbour:
//   option("size").bytes(16 * 1024, 1ull << 40).by_default("auto").help("...")
//   option("op").choice({"copy", "add"}).by_default("copy").help("...")
class OptionDeclaration {
 public:
  explicit OptionDeclaration(std::string name);

  OptionDeclaration& choice(std::vector<std::string> choices);
  OptionDeclaration& integer(double min, double max);
  OptionDeclaration& real(double min, double max);
  OptionDeclaration& bytes(double min, double max);
  OptionDeclaration& text();
  OptionDeclaration& by_default(std::string value);
  OptionDeclaration& help(std::string text);
  // A text option's own check (see OptionSpec::check).
  OptionDeclaration& checked_by(std::function<void(const std::string&)> check);

  operator OptionSpec() const { return spec_; }

 private:
  OptionDeclaration& kind(OptionKind kind, double min, double max);

  OptionSpec spec_;
};

inline OptionDeclaration option(std::string name) {
  return OptionDeclaration(std::move(name));
}

// Thrown for any option a user got wrong; the message is one line that
// names the workload's option and the problem.
struct OptionError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// Parses "64MiB", "1.5G", "4096" (binary units; KB/MB/GB are decimal).
// Throws OptionError.
std::uint64_t parse_bytes(const std::string& text);
std::string format_bytes(std::uint64_t bytes);  // "64MiB" where exact

class OptionValues {
 public:
  OptionValues() = default;

  // Checks every given name against `specs` and every value against its
  // kind and range, filling in defaults. Throws OptionError.
  static OptionValues resolve(const std::vector<OptionSpec>& specs,
                              const std::map<std::string, std::string>& given);

  bool is_auto(const std::string& name) const;
  const std::string& text(const std::string& name) const;
  std::int64_t integer(const std::string& name) const;
  double real(const std::string& name) const;
  std::uint64_t bytes(const std::string& name) const;

  // Every option, defaults included, by name.
  const std::map<std::string, std::string>& all() const { return values_; }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace corebench
