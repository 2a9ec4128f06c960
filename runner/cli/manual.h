// The manual page, corebench(1), written from the CLI's own definition so
// that it cannot drift from --help: every verb with its options and their
// help, the exit status, the files and environment corebench reads.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace corebench {

// roff (man(7) macros).
std::string manual_page(const CLI::App& app, const std::string& version);

}  // namespace corebench
