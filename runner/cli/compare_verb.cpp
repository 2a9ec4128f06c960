#include <iostream>
#include <map>

#include "runner/cli/verbs.h"
#include "runner/results/compare.h"
#include "runner/results/report/reporter.h"

namespace corebench {

namespace {

CompareOptions compare_options(const Registry& registry, const CompareArgs& args) {
  CompareOptions options;
  options.statistic = statistic_from_string(args.statistic);
  for (const auto& entry : registry.entries())
    options.categories[entry.info.id] = entry.info.category;
  return options;
}

}  // namespace

int compare_verb(const Registry& registry, const CompareArgs& args) {
  const auto reporter = make_reporter(args.format);
  std::vector<ResultFile> files;
  std::vector<std::string> paths;
  for (const auto& word : args.files) paths.push_back(result_path(word));
  std::map<std::string, int> label_count;
  for (const auto& path : paths) {
    files.push_back(read_result_file(path));
    // A file names itself by its --label, else by its machine.
    if (files.back().label.empty()) files.back().label = files.back().system.hostname;
    if (files.back().label.empty()) files.back().label = std::filesystem::path(path).stem();
    ++label_count[files.back().label];
  }
  // Two files of one machine keep apart by file name.
  for (std::size_t i = 0; i < files.size(); ++i)
    if (label_count[files[i].label] > 1)
      files[i].label += " (" + std::filesystem::path(paths[i]).filename().string() + ")";
  const std::optional<ResultFile> reference =
      load_reference(args.reference.empty() ? "" : result_path(args.reference));
  reporter->write(
      compare(files, reference ? &*reference : nullptr, compare_options(registry, args)),
      std::cout);
  return 0;
}

}  // namespace corebench
