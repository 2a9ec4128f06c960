#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "runner/cli/verbs.h"
#include "runner/common/error.h"
#include "runner/results/compare.h"
#include "runner/results/published_compare.h"
#include "runner/results/report/published_report.h"
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

// The files, each labelled by its --label, else by its machine; two files
// of one machine keep apart by file name.
std::vector<ResultFile> labelled_files(const std::vector<std::string>& paths) {
  std::vector<ResultFile> files;
  std::map<std::string, int> label_count;
  for (const auto& path : paths) {
    files.push_back(read_result_file(path));
    if (files.back().label.empty()) files.back().label = files.back().system.hostname;
    if (files.back().label.empty()) files.back().label = std::filesystem::path(path).stem();
    ++label_count[files.back().label];
  }
  for (std::size_t i = 0; i < files.size(); ++i)
    if (label_count[files[i].label] > 1)
      files[i].label += " (" + std::filesystem::path(paths[i]).filename().string() + ")";
  return files;
}

std::filesystem::path same_file_key(const std::string& path) {
  std::error_code error;
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  return error ? std::filesystem::path(path).lexically_normal() : canonical;
}

struct MachinePath {
  std::string machine;
  std::string path;
  std::filesystem::path key;  // same_file_key(path)
};

// --as "DGX Spark=a.json,Strix Halo=b.json", checked against the review and
// the files given: every file named once, by a machine of the review.
std::vector<MachinePath> machine_paths(const std::string& as, const PublishedReview& review,
                                       const std::vector<std::string>& paths) {
  std::vector<std::filesystem::path> keys;
  for (const std::string& path : paths) keys.push_back(same_file_key(path));
  std::vector<MachinePath> named;
  std::size_t start = 0;
  while (start <= as.size()) {
    const std::size_t comma = std::min(as.find(',', start), as.size());
    const std::string pair = as.substr(start, comma - start);
    start = comma + 1;
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
      throw Error(fmt::format("--as: '{}' is not MACHINE=FILE", pair));
    const std::string path = result_path(pair.substr(eq + 1));
    const MachinePath entry{
        .machine = pair.substr(0, eq), .path = path, .key = same_file_key(path)};
    if (!review.has_machine(entry.machine))
      throw Error(fmt::format("--as: '{}' is not a machine of {} (its machines: {})", entry.machine,
                              review.name, review.machine_names()));
    for (const MachinePath& other : named) {
      if (other.machine == entry.machine)
        throw Error(fmt::format("--as: '{}' is named twice", entry.machine));
      if (other.key == entry.key) throw Error(fmt::format("--as: {} is named twice", entry.path));
    }
    if (std::find(keys.begin(), keys.end(), entry.key) == keys.end())
      throw Error(fmt::format("--as: {} is not one of the files to compare", entry.path));
    named.push_back(entry);
  }
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const bool in_as = std::any_of(named.begin(), named.end(),
                                   [&](const MachinePath& entry) { return entry.key == keys[i]; });
    if (!in_as)
      throw Error(fmt::format("{}: not in --as (say which machine of {} it is: --as \"{}=...\")",
                              paths[i], review.name, review.reference));
  }
  return named;
}

int compare_with_published(const Registry& registry, const CompareArgs& args,
                           const std::vector<std::string>& paths) {
  const auto reporter = make_published_reporter(args.format);
  const PublishedReview review = find_published(args.published);
  const std::vector<MachinePath> named = machine_paths(args.as, review, paths);
  std::vector<std::string> named_paths;
  for (const MachinePath& entry : named) named_paths.push_back(entry.path);
  std::vector<ResultFile> files = labelled_files(named_paths);
  std::vector<MachineFile> machines;
  for (std::size_t i = 0; i < named.size(); ++i)
    machines.push_back({.machine = named[i].machine, .file = std::move(files[i])});
  reporter->write(compare_published(review, machines, compare_options(registry, args)), std::cout);
  return 0;
}

}  // namespace

int compare_verb(const Registry& registry, const CompareArgs& args) {
  std::vector<std::string> paths;
  for (const auto& word : args.files) paths.push_back(result_path(word));
  if (!args.published.empty()) {
    if (!args.reference.empty())
      throw Error(
          "--reference: not with --published (the base is the file of the review's "
          "reference machine, else the first in --as)");
    return compare_with_published(registry, args, paths);
  }
  const auto reporter = make_reporter(args.format);
  const std::vector<ResultFile> files = labelled_files(paths);
  const std::optional<ResultFile> reference =
      load_reference(args.reference.empty() ? "" : result_path(args.reference));
  reporter->write(
      compare(files, reference ? &*reference : nullptr, compare_options(registry, args)),
      std::cout);
  return 0;
}

}  // namespace corebench
