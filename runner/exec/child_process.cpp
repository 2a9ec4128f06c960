#include "runner/exec/child_process.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

#include "runner/common/error.h"
#include "runner/exec/interrupt.h"
#include "runner/protocol/protocol.h"
#include "workloads/common/cpu_mask.h"

namespace corebench {
namespace {

constexpr std::size_t kOutputTail = 4096;

struct Pipe {
  int read = -1;
  int write = -1;
};

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw Error(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
  return {fds[0], fds[1]};
}

// Runs in the forked child before exec: only async-signal-safe calls.
[[noreturn]] void become_test(const std::vector<char*>& argv, const cpu_set_t& mask, Pipe in,
                              Pipe messages, Pipe output) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  signal(SIGPIPE, SIG_DFL);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  sched_setaffinity(0, sizeof(mask), &mask);
  dup2(in.read, 0);
  dup2(output.write, 1);
  dup2(output.write, 2);
  dup2(messages.write, kProtocolFd);
  execv(argv[0], argv.data());
  const char text[] = "corebench: cannot start the test process\n";
  (void)!::write(2, text, sizeof(text) - 1);
  _exit(127);
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::vector<int>& cpus) {
  const cpu_set_t mask = cpu_mask(cpus);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  const Pipe in = make_pipe(), messages = make_pipe(), output = make_pipe();
  pid_ = fork();
  if (pid_ < 0) throw Error(fmt::format("cannot fork: {}", std::strerror(errno)));
  if (pid_ == 0) become_test(args, mask, in, messages, output);
  setpgid(pid_, pid_);  // also here, so kill() can never race the child's own call
  ::close(in.read);
  ::close(messages.write);
  ::close(output.write);
  command_fd_ = in.write;
  message_fd_ = messages.read;
  output_fd_ = output.read;
}

ChildProcess::~ChildProcess() {
  kill();
  wait();
  for (int fd : {command_fd_, message_fd_, output_fd_})
    if (fd >= 0) ::close(fd);
}

void ChildProcess::send(const std::string& line) {
  const std::string text = line + "\n";
  // SIGPIPE is ignored in the runner; a dead child shows up as EOF on fd 3.
  (void)!::write(command_fd_, text.data(), text.size());
}

ChildProcess::Read ChildProcess::read_line(std::string& line, double timeout) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout);
  while (true) {
    if (const auto newline = pending_.find('\n'); newline != std::string::npos) {
      line = pending_.substr(0, newline);
      pending_.erase(0, newline + 1);
      return Read::Line;
    }
    if (message_fd_ < 0) return Read::Closed;
    if (interrupted()) return Read::Interrupted;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return Read::Timeout;
    pollfd fds[2] = {{message_fd_, POLLIN, 0}, {output_fd_, POLLIN, 0}};
    const int ready = ::poll(fds, output_fd_ >= 0 ? 2 : 1,
                             static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) throw Error(fmt::format("poll: {}", std::strerror(errno)));
    if (ready <= 0) continue;
    if (fds[1].revents) drain_output();
    if (fds[0].revents) {
      char buffer[65536];
      const ssize_t n = ::read(message_fd_, buffer, sizeof(buffer));
      if (n > 0) {
        pending_.append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(message_fd_);
        message_fd_ = -1;
      }
    }
  }
}

void ChildProcess::drain_output() {
  char buffer[4096];
  const ssize_t n = ::read(output_fd_, buffer, sizeof(buffer));
  if (n <= 0) {
    if (n == 0 || errno != EINTR) {
      ::close(output_fd_);
      output_fd_ = -1;
    }
    return;
  }
  output_.append(buffer, static_cast<std::size_t>(n));
  if (output_.size() > 2 * kOutputTail) output_.erase(0, output_.size() - kOutputTail);
}

void ChildProcess::kill() {
  if (pid_ > 0 && !reaped_) ::kill(-pid_, SIGKILL);
}

std::string ChildProcess::wait() {
  if (pid_ <= 0 || reaped_) return "";
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
  while (output_fd_ >= 0) drain_output();
  if (WIFSIGNALED(status))
    return fmt::format("killed by signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
    return fmt::format("exited with status {}", WEXITSTATUS(status));
  return "";
}

std::string ChildProcess::output_tail() const {
  std::string tail =
      output_.size() > kOutputTail ? output_.substr(output_.size() - kOutputTail) : output_;
  while (!tail.empty() && std::isspace(static_cast<unsigned char>(tail.back()))) tail.pop_back();
  return tail;
}

}  // namespace corebench
