// Reading a text file line by line with the file name and line number at
// hand, so every complaint about its content is one line: "file:line: what".
#pragma once

#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

namespace corebench::hmmer {

// A malformed input file; what() is "file:line: problem".
struct InputError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

class TextLines {
 public:
  TextLines(std::istream& in, std::string file) : in_(in), file_(std::move(file)) {}

  // The next line, or false at the end of the file.
  bool next(std::string& line);
  // The next line split on blanks; throws "unexpected end of file" with
  // `expected` at the end.
  std::vector<std::string> next_fields(const std::string& expected);

  // Whatever is wrong, at the line last read.
  [[noreturn]] void fail(const std::string& problem) const;
  const std::string& file() const { return file_; }
  int line_number() const { return line_; }

 private:
  std::istream& in_;
  std::string file_;
  int line_ = 0;
};

std::vector<std::string> split_fields(const std::string& line);

// A field as a number; fails at the current line naming `what` otherwise.
double number_field(const TextLines& lines, const std::string& field, const std::string& what);
int integer_field(const TextLines& lines, const std::string& field, const std::string& what);

}  // namespace corebench::hmmer
