#include "runner/cli/manual.h"

#include <fmt/format.h>

#include <sstream>
#include <string_view>

namespace corebench {
namespace {

// Text as roff shows it: a backslash printed, a line that would start
// with a control character kept as text, hyphens as minus signs (what a
// reader types).
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string option_head(const CLI::Option& option) {
  std::string head;
  for (const auto& name : option.get_snames())
    head += (head.empty() ? "" : ", ") + ("\\fB\\-" + name + "\\fR");
  for (const auto& name : option.get_lnames())
    head += (head.empty() ? "" : ", ") + ("\\fB\\-\\-" + roff(name) + "\\fR");
  if (option.get_type_size() > 0) head += " \\fI" + roff(option.get_type_name()) + "\\fR";
  return head;
}

void write_verb(const CLI::App& verb, std::ostringstream& out) {
  std::string synopsis = "corebench " + verb.get_name();
  for (const CLI::Option* option : verb.get_options())
    if (option->get_positional())
      synopsis +=
          option->get_required() ? " " + option->get_name() : " [" + option->get_name() + "]";
  out << ".SS \"" << roff(synopsis) << " [options]\"\n" << roff(verb.get_description()) << "\n";
  for (const CLI::Option* option : verb.get_options()) {
    if (option->get_lnames().empty() && option->get_snames().empty()) {
      out << ".TP\n\\fI" << roff(option->get_name()) << "\\fR\n"
          << roff(option->get_description()) << "\n";
      continue;
    }
    out << ".TP\n" << option_head(*option) << "\n" << roff(option->get_description()) << "\n";
  }
}

constexpr const char* kFilesAndEnvironment = R"(.SH FILES
.TP
\fI$XDG_DATA_HOME/corebench/results/\fR (\fI~/.local/share/corebench/results/\fR)
Where \fBrun\fR, \fBsweep\fR save results unless \fB\-\-output\fR says otherwise; \fBcorebench results\fR lists them, and \fBlatest\fR, \fBlatest~N\fR name them where a result file is expected.
.TP
\fI$XDG_CONFIG_HOME/corebench/suites/\fR, \fI$XDG_CONFIG_HOME/corebench/machines/\fR (\fI~/.config/corebench/...\fR)
Your own suites and machine profiles (TOML), found before corebench's own of the same name.
.TP
\fI/usr/share/corebench/profiles/\fR, \fI/usr/share/corebench/results/reference/\fR
corebench's suites, machine profiles and the reference machine's results (beside the binary: \fI../share/corebench\fR).
.SH ENVIRONMENT
.TP
\fBCOREBENCH_DATA_DIR\fR
Where a binary with no \fI../share/corebench\fR beside it reads corebench's own data (profiles, reference results).
.TP
\fBXDG_DATA_HOME\fR, \fBXDG_CONFIG_HOME\fR, \fBHOME\fR
The user's directories, as above.
)";

}  // namespace

std::string manual_page(const CLI::App& app, const std::string& version) {
  // --help starts with the program's name; NAME has it already.
  constexpr std::string_view name = "corebench: ";
  std::string summary = app.get_description();
  if (summary.starts_with(name)) summary.erase(0, name.size());
  std::ostringstream out;
  out << ".TH COREBENCH 1 \"\" \"corebench " << roff(version) << "\" \"User Commands\"\n"
      << ".SH NAME\ncorebench \\- " << roff(summary) << "\n"
      << ".SH SYNOPSIS\n.B corebench\n\\fIverb\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]\n"
      << ".SH DESCRIPTION\nEach verb has its own options; \\fBcorebench \\fIverb\\fB "
         "\\-\\-help\\fR "
         "prints them too.\n.SH VERBS\n";
  for (const CLI::App* verb :
       app.get_subcommands([](const CLI::App* v) { return !v->get_group().empty(); }))
    write_verb(*verb, out);
  out << ".SH EXIT STATUS\n"
      << roff(app.get_footer()) << "\n"
      << kFilesAndEnvironment
      << ".SH SEE ALSO\nThe README and docs/ of the corebench sources: the result schema, "
         "the workloads and how each is verified.\n";
  return out.str();
}

}  // namespace corebench
