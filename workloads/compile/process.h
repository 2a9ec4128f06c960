// Child processes started directly (no shell), each pinned to one CPU, with
// their output in a file. Children stay in this process's process group, so
// the runner's kill of the test's group on timeout reaches them too.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace corebench::compile {

// The absolute path of `name` (searched in $PATH unless it has a '/'), or
// an empty string when there is no such executable.
std::string find_program(const std::string& name);

// Starts argv[0] (an absolute path) with `argv`, pinned to `cpu`, stdout and
// stderr written to `log_path`. Throws std::system_error.
pid_t start_pinned(const std::vector<std::string>& argv, int cpu, const std::string& log_path);

// "" for a clean exit, else "exit status 1" or "killed by signal 9".
std::string describe_wait_status(int status);

// At most `max_bytes` of a file, for quoting a compiler's message.
std::string read_head(const std::string& path, std::size_t max_bytes);

}  // namespace corebench::compile
