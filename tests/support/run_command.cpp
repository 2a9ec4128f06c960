#include "support/run_command.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "runner/exec/self_command.h"
#include "runner/results/result.h"

namespace corebench::testing {
namespace {

int exit_code_of(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::vector<std::string> with_emulator(const std::vector<std::string>& argv) {
  std::vector<std::string> command = emulator_command();
  command.insert(command.end(), argv.begin(), argv.end());
  return command;
}

CommandResult run_command(const std::vector<std::string>& argv,
                          const std::vector<std::string>& environment) {
  return run_exact(with_emulator(argv), environment);
}

CommandResult run_exact(const std::vector<std::string>& command,
                        const std::vector<std::string>& environment) {
  char out_path[] = "/tmp/corebench-test-out-XXXXXX";
  char err_path[] = "/tmp/corebench-test-err-XXXXXX";
  const int out_fd = mkstemp(out_path);
  const int err_fd = mkstemp(err_path);
  CommandResult result;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    const int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    for (const auto& entry : environment) putenv(const_cast<char*>(entry.c_str()));
    std::vector<char*> args;
    for (const auto& arg : command) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = exit_code_of(status);
  close(out_fd);
  close(err_fd);
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return result;
}

BackgroundCommand::BackgroundCommand(const std::vector<std::string>& argv,
                                     const std::vector<std::string>& environment) {
  const std::vector<std::string> command = with_emulator(argv);
  std::vector<char*> args;
  for (const auto& arg : command) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_ = fork();
  if (pid_ == 0) {
    const int null_fd = open("/dev/null", O_RDWR);
    for (int fd : {0, 1, 2}) dup2(null_fd, fd);
    for (const auto& entry : environment) putenv(const_cast<char*>(entry.c_str()));
    execv(args[0], args.data());
    _exit(127);
  }
}

BackgroundCommand::~BackgroundCommand() {
  if (exit_code_ >= 0 || pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  wait();
}

void BackgroundCommand::signal(int signal_number) const {
  ::kill(pid_, signal_number);
}

int BackgroundCommand::wait() {
  if (exit_code_ >= 0) return exit_code_;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  exit_code_ = exit_code_of(status);
  return exit_code_;
}

std::size_t saved_tests(const std::string& result_file) {
  try {
    return read_result_file(result_file).tests.size();
  } catch (const std::exception&) {
    return 0;
  }
}

bool process_alive(pid_t pid) {
  const std::string stat = slurp("/proc/" + std::to_string(pid) + "/stat");
  const auto paren = stat.rfind(')');
  if (paren == std::string::npos || paren + 2 >= stat.size()) return false;
  const char state = stat[paren + 2];
  return state != 'Z' && state != 'X';
}

bool wait_until(const std::function<bool()>& condition, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    usleep(50000);
  }
  return true;
}

}  // namespace corebench::testing
