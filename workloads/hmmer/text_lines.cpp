#include "workloads/hmmer/text_lines.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <sstream>

namespace corebench::hmmer {

bool TextLines::next(std::string& line) {
  if (!std::getline(in_, line)) return false;
  ++line_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

std::vector<std::string> TextLines::next_fields(const std::string& expected) {
  std::string line;
  if (!next(line)) {
    ++line_;
    fail("unexpected end of file, expected " + expected);
  }
  return split_fields(line);
}

void TextLines::fail(const std::string& problem) const {
  throw InputError(fmt::format("{}:{}: {}", file_, line_, problem));
}

std::vector<std::string> split_fields(const std::string& line) {
  std::istringstream stream(line);
  std::vector<std::string> fields;
  for (std::string field; stream >> field;) fields.push_back(field);
  return fields;
}

double number_field(const TextLines& lines, const std::string& field, const std::string& what) {
  char* end = nullptr;
  const double value = std::strtod(field.c_str(), &end);
  if (field.empty() || end != field.c_str() + field.size())
    lines.fail(fmt::format("{}: '{}' is not a number", what, field));
  return value;
}

int integer_field(const TextLines& lines, const std::string& field, const std::string& what) {
  int value = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (error != std::errc() || end != field.data() + field.size())
    lines.fail(fmt::format("{}: '{}' is not a whole number", what, field));
  return value;
}

}  // namespace corebench::hmmer
