#include "runner/cli/completion.h"

#include <algorithm>

#include "runner/common/paths.h"
#include "runner/machine/cpu_set_expression.h"
#include "runner/machine/topology.h"
#include "runner/results/published.h"

namespace corebench {
namespace {

using Words = std::vector<std::string>;

bool hidden(const CLI::App* verb) {
  return verb->get_group().empty();
}

Words starting_with(const Words& candidates, const std::string& prefix) {
  Words kept;
  for (const auto& c : candidates)
    if (c.starts_with(prefix) && std::find(kept.begin(), kept.end(), c) == kept.end())
      kept.push_back(c);
  return kept;
}

Words verb_names(const CLI::App& app) {
  Words names;
  for (const CLI::App* verb : app.get_subcommands([](const CLI::App* v) { return !hidden(v); }))
    names.push_back(verb->get_name());
  return names;
}

const CLI::Option* long_option(const CLI::App& verb, const std::string& word) {
  for (const CLI::Option* option : verb.get_options())
    for (const auto& name : option->get_lnames())
      if ("--" + name == word) return option;
  return nullptr;
}

Words long_options(const CLI::App& verb) {
  Words names = {"--help"};
  for (const CLI::Option* option : verb.get_options())
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
  return names;
}

// The values a CLI::IsMember check allows, from its description
// ("TEXT:{compact,spread}"): CLI11 keeps the set nowhere else.
Words member_values(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  const auto open = type.find('{'), close = type.find('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return {};
  Words values;
  std::string value;
  for (const char c : type.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      values.push_back(value);
      value.clear();
    } else {
      value += c;
    }
  }
  values.push_back(value);
  return values;
}

Words cpu_set_names() {
  Words names;
  try {
    for (const auto& [name, cpus] : named_cpu_sets(detect_topology())) names.push_back(name);
  } catch (const std::exception&) {
    // No topology here (no /proc): offer nothing rather than fail the shell.
  }
  return names;
}

Words profile_names(const std::vector<ProfileDir>& dirs) {
  Words names;
  for (const ProfileFile& file : find_profiles(dirs)) names.push_back(file.name);
  return names;
}

// The values of an option by what it is: CPU sets, machine profiles,
// reviews, the
// choices of its check; nothing for a number or a file.
Words option_values(const CLI::Option& option) {
  const std::string name = option.get_lnames().empty() ? "" : option.get_lnames().front();
  if (name == "cpus") return cpu_set_names();
  if (name == "profile") return profile_names(machine_profile_dirs());
  if (name == "published") return published_names();
  return member_values(option);
}

// "ramspeed:op=copy,si" -> the test specs that word may become: a workload
// id, then its option names ("ramspeed:size="), then an option's choices.
Words test_specs(const Registry& registry, const std::string& word, bool with_suites) {
  const auto colon = word.find(':');
  if (colon == std::string::npos) {
    Words ids;
    for (const auto& entry : registry.entries()) ids.push_back(entry.info.id);
    if (with_suites)
      for (const auto& name : profile_names(suite_dirs())) ids.push_back(name);
    return ids;
  }
  const WorkloadEntry* entry = registry.find(word.substr(0, colon));
  if (!entry) return {};
  const auto last = word.find_last_of(":,");
  const std::string head = word.substr(0, last + 1);  // "ramspeed:op=copy,"
  const std::string tail = word.substr(last + 1);     // "si" or "size=1"
  Words specs;
  if (const auto equals = tail.find('='); equals != std::string::npos) {
    const std::string option = tail.substr(0, equals);
    for (const OptionSpec& spec : entry->info.options)
      if (spec.name == option)
        for (const auto& choice : spec.choices) specs.push_back(head + option + "=" + choice);
    return specs;
  }
  for (const OptionSpec& spec : entry->info.options)
    if (head.find(":" + spec.name + "=") == std::string::npos &&
        head.find("," + spec.name + "=") == std::string::npos)
      specs.push_back(head + spec.name + "=");
  return specs;
}

Words saved_result_names() {
  return {"latest", "latest~1", "latest~2"};
}

// Positional words of `verb`: tests and suites for run, a test for sweep,
// saved results for the verbs that read result files.
Words positionals(const std::string& verb, const Registry& registry, const std::string& word) {
  if (verb == "run") return test_specs(registry, word, true);
  if (verb == "sweep") return test_specs(registry, word, false);
  if (verb == "compare" || verb == "resume" || verb == "relabel") return saved_result_names();
  return {};
}

}  // namespace

std::vector<std::string> complete_words(const CLI::App& app, const Registry& registry,
                                        const std::vector<std::string>& words) {
  const std::string word = words.empty() ? "" : words.back();
  if (words.size() <= 1) {
    if (word.starts_with("-")) return starting_with({"--help", "--version"}, word);
    return starting_with(verb_names(app), word);
  }
  const CLI::App* verb = nullptr;
  for (const CLI::App* v : app.get_subcommands([](const CLI::App* v) { return !hidden(v); }))
    if (v->get_name() == words.front()) verb = v;
  if (!verb) return {};
  const std::string& previous = words[words.size() - 2];
  if (const CLI::Option* option = long_option(*verb, previous);
      option && option->get_type_size() > 0 && previous.starts_with("--"))
    return starting_with(option_values(*option), word);
  if (word.starts_with("-")) return starting_with(long_options(*verb), word);
  return starting_with(positionals(verb->get_name(), registry, word), word);
}

}  // namespace corebench
