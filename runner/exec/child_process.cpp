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
  signal(SIGHUP, SIG_DFL);
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
  setpgid(pid_, pid_);  // also here, so a signal to the group never races the child's call
  ::close(in.read);
  ::close(messages.write);
  ::close(output.write);
  command_fd_ = in.write;
  message_fd_ = messages.read;
  output_fd_ = output.read;
}

ChildProcess::~ChildProcess() {
  reap();  // SIGKILLs the group first
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
    // Asked before the poll: what the child wrote before it exited is in the
    // pipe by then. A grandchild that holds fd 3 open must not make a child
    // that has exited look alive until the timeout.
    const bool gone = exited();
    pollfd fds[2] = {{message_fd_, POLLIN, 0}, {output_fd_, POLLIN, 0}};
    const int ready = ::poll(fds, output_fd_ >= 0 ? 2 : 1,
                             gone ? 0 : static_cast<int>(std::min<long long>(left.count(), 100)));
    if (ready < 0) {
      if (errno != EINTR) throw Error(fmt::format("poll: {}", std::strerror(errno)));
      continue;
    }
    if (fds[1].revents) drain_output(0);
    if (fds[0].revents) {
      read_messages();
    } else if (gone) {
      ::close(message_fd_);
      message_fd_ = -1;
    }
  }
}

void ChildProcess::read_messages() {
  char buffer[65536];
  const ssize_t n = ::read(message_fd_, buffer, sizeof(buffer));
  if (n > 0) {
    pending_.append(buffer, static_cast<std::size_t>(n));
  } else if (n == 0 || errno != EINTR) {
    ::close(message_fd_);
    message_fd_ = -1;
  }
}

void ChildProcess::drain_output(int timeout_ms) {
  if (output_fd_ < 0) return;
  pollfd fd{output_fd_, POLLIN, 0};
  if (::poll(&fd, 1, timeout_ms) <= 0) return;
  char buffer[65536];
  const ssize_t n = ::read(output_fd_, buffer, sizeof(buffer));
  if (n <= 0) {
    if (n == 0 || errno != EINTR) {
      ::close(output_fd_);
      output_fd_ = -1;
    }
    return;
  }
  output_bytes_ += static_cast<std::uint64_t>(n);
  output_.append(buffer, static_cast<std::size_t>(n));
  if (output_.size() > 2 * kOutputTail) output_.erase(0, output_.size() - kOutputTail);
}

bool ChildProcess::exited() const {
  if (reaped_) return true;
  siginfo_t info{};
  return ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT | WNOHANG) == 0 &&
         info.si_pid == pid_;
}

// True once the child has exited (it stays a zombie, so that its pid, the
// group's id, cannot be reused before reap()); reads its output meanwhile,
// so that a child blocked on a full pipe can get on to exiting.
bool ChildProcess::await_exit(double seconds) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  while (true) {
    if (exited()) return true;
    if (Clock::now() >= deadline) return false;
    if (output_fd_ >= 0)
      drain_output(10);
    else
      ::usleep(10000);
  }
}

// Kills what is left of the child's group (grandchildren it left behind),
// then reaps the child.
std::string ChildProcess::reap() {
  if (reaped_) return ended_;
  ::kill(-pid_, SIGKILL);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
  // The group is dead, so the pipe closes; a process that left the group
  // could keep it open, so the reading stops after a moment.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
  while (output_fd_ >= 0 && std::chrono::steady_clock::now() < deadline) drain_output(50);
  if (WIFSIGNALED(status))
    ended_ = fmt::format("killed by signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
  else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
    ended_ = fmt::format("exited with status {}", WEXITSTATUS(status));
  return ended_;
}

std::string ChildProcess::wait(double grace) {
  if (pid_ <= 0 || reaped_) return ended_;
  if (!await_exit(grace)) return stop(grace);
  return reap();
}

std::string ChildProcess::stop(double grace) {
  if (pid_ <= 0 || reaped_) return ended_;
  stopped_ = true;
  ::kill(-pid_, SIGTERM);
  await_exit(grace);
  return reap();
}

std::string ChildProcess::output_tail() const {
  std::string tail =
      output_.size() > kOutputTail ? output_.substr(output_.size() - kOutputTail) : output_;
  while (!tail.empty() && std::isspace(static_cast<unsigned char>(tail.back()))) tail.pop_back();
  return tail;
}

}  // namespace corebench
