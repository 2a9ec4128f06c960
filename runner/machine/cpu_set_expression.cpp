#include "runner/machine/cpu_set_expression.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iterator>
#include <optional>

#include "runner/common/error.h"
#include "runner/machine/topology.h"

namespace corebench {

std::vector<std::pair<std::string, CpuSet>> named_cpu_sets(const Topology& topology) {
  std::vector<std::pair<std::string, CpuSet>> names;
  const auto add = [&](const std::string& name, const CpuSet& cpus) {
    const bool taken = std::any_of(names.begin(), names.end(),
                                   [&](const auto& entry) { return entry.first == name; });
    if (!taken && !cpus.empty()) names.emplace_back(name, cpus);
  };
  add("all", topology.allowed);
  for (const auto& type : topology.core_types) add(type.id, type.cpus);
  if (!topology.core_types.empty()) {
    add("big", topology.fastest_type().cpus);
    add("little", topology.slowest_type().cpus);
    if (topology.hybrid()) {
      add("p", topology.fastest_type().cpus);
      add("e", topology.slowest_type().cpus);
    }
  }
  // Where every cluster is a single core (x86 without shared L2) the
  // cluster names would only repeat core:N; clusterN still resolves.
  const auto named_after = [&](DomainKind kind, const std::string& prefix) {
    for (const auto& domain : topology.domains_of(kind))
      add(prefix + std::to_string(domain.index), domain.cpus);
  };
  if (topology.sets_of(DomainKind::Cluster).size() < topology.sets_of(DomainKind::Core).size())
    named_after(DomainKind::Cluster, "cluster");
  named_after(DomainKind::L3, "l3:");
  if (topology.vendor == "AuthenticAMD") named_after(DomainKind::L3, "ccd");
  add("smt-primary", topology.smt_primary());
  named_after(DomainKind::Numa, "node");
  return names;
}

namespace {

enum class TokenKind { List, Name, Union, Difference, Intersection, Colon, Open, Close, End };

struct Token {
  TokenKind kind;
  std::string text;
  std::size_t position;
};

// Domains written "name:index", as opposed to "name:count".
bool is_indexed_name(const std::string& name) {
  return domain_kind_named(name).has_value();
}

class Parser {
 public:
  Parser(std::string_view expression, const Topology& topology)
      : expression_(expression), topology_(topology), names_(named_cpu_sets(topology)) {
    tokenize();
  }

  CpuSet parse() {
    if (tokens_.front().kind == TokenKind::End) fail("it is empty", 0);
    CpuSet result = expression();
    if (peek().kind != TokenKind::End) fail_at("unexpected '" + peek().text + "'", peek());
    if (result.empty()) fail("it names no CPU", 0);
    if (const CpuSet barred = result - topology_.allowed; !barred.empty()) {
      fail("CPUs " + barred.to_string() + " are online but this process may not run on them (" +
               "allowed: " + topology_.allowed.to_string() + "; taskset or a container's cpuset)",
           0);
    }
    return result;
  }

 private:
  [[noreturn]] void fail(const std::string& problem, std::size_t position) const {
    throw CpuSetError("cpu set '" + std::string(expression_) + "': " + problem + " (position " +
                      std::to_string(position) + ")");
  }
  [[noreturn]] void fail_at(const std::string& problem, const Token& token) const {
    fail(problem, token.position);
  }

  void tokenize() {
    std::size_t i = 0;
    const auto at = [&](std::size_t k) { return k < expression_.size() ? expression_[k] : '\0'; };
    const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < expression_.size()) {
      const char c = expression_[i];
      const std::size_t start = i;
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (digit(c)) {
        // NUM ('-' NUM)? (',' NUM ('-' NUM)?)*: a '-' joins two numbers
        // into a range only here, so "0-4" is a range and "all-0" is not.
        while (true) {
          while (digit(at(i))) ++i;
          if (at(i) == '-' && digit(at(i + 1))) {
            ++i;
            while (digit(at(i))) ++i;
          }
          if (at(i) != ',' || !digit(at(i + 1))) break;
          ++i;
        }
        push(TokenKind::List, start, i);
      } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        while (std::isalnum(static_cast<unsigned char>(at(i))) || at(i) == '_') ++i;
        std::string word = lower(expression_.substr(start, i - start));
        if (word == "smt" && expression_.substr(i, 8) == "-primary") {
          i += 8;
          word = "smt-primary";
        }
        tokens_.push_back({TokenKind::Name, word, start});
      } else {
        const auto kind = symbol_kind(c);
        if (!kind) fail("unexpected character '" + std::string(1, c) + "'", start);
        ++i;
        push(*kind, start, i);
      }
    }
    tokens_.push_back({TokenKind::End, "end", expression_.size()});
  }

  static std::optional<TokenKind> symbol_kind(char c) {
    switch (c) {
      case '+': return TokenKind::Union;
      case '-': return TokenKind::Difference;
      case '&': return TokenKind::Intersection;
      case ':': return TokenKind::Colon;
      case '(': return TokenKind::Open;
      case ')': return TokenKind::Close;
      default: return std::nullopt;
    }
  }

  static std::string lower(std::string_view text) {
    std::string result(text);
    for (auto& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
  }

  void push(TokenKind kind, std::size_t start, std::size_t end) {
    tokens_.push_back({kind, std::string(expression_.substr(start, end - start)), start});
  }

  const Token& peek() const { return tokens_[next_]; }
  const Token& take() { return tokens_[next_ < tokens_.size() - 1 ? next_++ : next_]; }

  CpuSet expression() {
    CpuSet result = operand();
    while (true) {
      const TokenKind kind = peek().kind;
      if (kind != TokenKind::Union && kind != TokenKind::Difference &&
          kind != TokenKind::Intersection) {
        return result;
      }
      take();
      const CpuSet right = operand();
      if (kind == TokenKind::Union) result = result | right;
      if (kind == TokenKind::Difference) result = result - right;
      if (kind == TokenKind::Intersection) result = result & right;
    }
  }

  CpuSet operand() {
    const Token& start = peek();
    CpuSet cpus = primary();
    if (peek().kind != TokenKind::Colon) return cpus;
    take();
    const Token& count_token = peek();
    const int count = number("a count");
    if (count == 0) fail_at("a count must be at least 1", count_token);
    if (static_cast<std::size_t>(count) > cpus.size()) {
      fail_at("count " + std::to_string(count) + " asks for more than the " +
                  std::to_string(cpus.size()) + " CPUs of '" +
                  std::string(expression_.substr(start.position,
                                                 count_token.position - 1 - start.position)) +
                  "'",
              count_token);
    }
    return cpus.first_n(static_cast<std::size_t>(count));
  }

  CpuSet primary() {
    const Token& token = take();
    switch (token.kind) {
      case TokenKind::List: return cpu_list(token);
      case TokenKind::Name: return is_indexed_name(token.text) ? indexed(token) : named(token);
      case TokenKind::Open: {
        CpuSet inner = expression();
        if (peek().kind != TokenKind::Close) fail_at("expected ')'", peek());
        take();
        return inner;
      }
      default: fail_at("expected a CPU list, a name or '(' but found '" + token.text + "'", token);
    }
  }

  int number(const std::string& what) {
    const Token& token = take();
    if (token.kind != TokenKind::List ||
        token.text.find_first_not_of("0123456789") != std::string::npos) {
      fail_at("expected " + what + " but found '" + token.text + "'", token);
    }
    int value = 0;
    const auto [end, error] =
        std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
    if (error != std::errc()) fail_at(what + " '" + token.text + "' is too large", token);
    return value;
  }

  CpuSet cpu_list(const Token& token) const {
    CpuSet cpus;
    try {
      cpus = CpuSet::parse_list(token.text);
    } catch (const Error& error) {
      fail_at(error.what(), token);
    }
    const CpuSet offline = cpus - topology_.online;
    if (!offline.empty()) {
      fail_at("CPUs " + offline.to_string() +
                  " are not online (online: " + topology_.online.to_string() + ")",
              token);
    }
    return cpus;
  }

  CpuSet named(const Token& token) const {
    for (const auto& [name, cpus] : names_) {
      if (name == token.text) return cpus;
    }
    // clusterN, nodeN and ccdN beyond the listed names: say which exist.
    const bool amd = topology_.vendor == "AuthenticAMD";
    for (const auto& [prefix, kind] :
         {std::pair<std::string, DomainKind>{"cluster", DomainKind::Cluster},
          {"node", DomainKind::Numa},
          {"ccd", DomainKind::L3}}) {
      const std::string digits = token.text.substr(std::min(prefix.size(), token.text.size()));
      if (token.text.compare(0, prefix.size(), prefix) != 0 || digits.empty() ||
          digits.find_first_not_of("0123456789") != std::string::npos) {
        continue;
      }
      if (prefix == "ccd" && !amd) fail_at("'ccd' names exist on AMD only; use l3:N", token);
      return domain(kind, digits, token);
    }
    fail_at("unknown name '" + token.text + "' (names here: " + known_names() + ")", token);
  }

  CpuSet indexed(const Token& token) {
    if (peek().kind != TokenKind::Colon) {
      fail_at("'" + token.text + "' needs an index, as in " + token.text + ":0", token);
    }
    take();
    const Token& index_token = take();
    if (index_token.kind != TokenKind::List) {
      fail_at("expected an index but found '" + index_token.text + "'", index_token);
    }
    return domain(*domain_kind_named(token.text), index_token.text, index_token);
  }

  // Domain `index` of `kind`; `token` is where the index was written.
  CpuSet domain(DomainKind kind, const std::string& index, const Token& token) const {
    const std::vector<CpuSet> domains = topology_.sets_of(kind);
    const std::string family = domain_kind_name(kind);
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(index.data(), index.data() + index.size(), value);
    if (error != std::errc() || end != index.data() + index.size() || value >= domains.size()) {
      // A VM without cache files has no l2 or l3 domains at all.
      const std::string has =
          domains.empty() ? "none" : family + ":0.." + std::to_string(domains.size() - 1);
      fail_at("there is no " + family + ":" + index + " (this machine has " + has + ")", token);
    }
    return domains[value];
  }

  // The names, with runs of numbered ones shortened: "cluster0..3".
  std::string known_names() const {
    const auto family_of = [](const std::string& name) {
      const auto digits = name.find_last_not_of("0123456789") + 1;
      return digits < name.size() ? name.substr(0, digits) : name;
    };
    std::string text;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      std::size_t last = i;
      const std::string family = family_of(names_[i].first);
      while (last + 1 < names_.size() && family != names_[i].first &&
             family_of(names_[last + 1].first) == family) {
        ++last;
      }
      text += (text.empty() ? "" : ", ") + names_[i].first;
      if (last > i) text += ".." + names_[last].first.substr(family.size());
      i = last;
    }
    return text + ", core:N, l2:N, package:N";
  }

  std::string_view expression_;
  const Topology& topology_;
  std::vector<std::pair<std::string, CpuSet>> names_;
  std::vector<Token> tokens_;
  std::size_t next_ = 0;
};

}  // namespace

CpuSet resolve_cpu_set(std::string_view expression, const Topology& topology) {
  return Parser(expression, topology).parse();
}

}  // namespace corebench
