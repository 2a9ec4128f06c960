#include "runner/results/unfinished.h"

#include <algorithm>
#include <map>
#include <string>

namespace corebench {

bool has_ended(Status status) {
  return status != Status::Running && status != Status::Interrupted;
}

std::vector<UnfinishedSession> unfinished_sessions(const ResultFile& file) {
  std::map<std::string, int> ended;
  for (const auto& test : file.tests)
    if (has_ended(test.status)) ++ended[test.name];
  std::vector<UnfinishedSession> unfinished;
  for (std::size_t i = 0; i < file.sessions.size(); ++i) {
    UnfinishedSession left{.session = i, .tests = {}};
    for (const auto& planned : file.sessions[i].tests) {
      int& results = ended[planned.name];
      if (results > 0)
        --results;
      else
        left.tests.push_back(planned);
    }
    if (!left.tests.empty()) unfinished.push_back(std::move(left));
  }
  return unfinished;
}

ResultFile without_unended_tests(ResultFile file) {
  std::erase_if(file.tests, [](const TestResult& test) { return !has_ended(test.status); });
  return file;
}

}  // namespace corebench
