// A test's child process: started pinned in its own process group, fed
// commands on stdin, read line by line from fd 3 with a deadline, and
// stopped with its whole group (SIGTERM, then SIGKILL after a grace period)
// when it hangs or the user interrupts. Whatever the group left running
// when the child ends is killed with it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace corebench {

class ChildProcess {
 public:
  // Starts argv[0] with `argv`, its affinity set to `cpus`. Throws Error.
  ChildProcess(const std::vector<std::string>& argv, const std::vector<int>& cpus);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // A dead child's closed stdin is not an error: the next read says why.
  void send(const std::string& line);

  enum class Read { Line, Closed, Timeout, Interrupted };
  // Waits up to `timeout` seconds for the next line from fd 3.
  Read read_line(std::string& line, double timeout);

  // Waits up to `grace` seconds for the child to exit, stops it as stop()
  // does if it has not, kills what is left of its group and reaps it. Says
  // how it ended: "" for a clean exit, else "exited with status 3" or
  // "killed by signal 11 (Segmentation fault)".
  std::string wait(double grace);
  // SIGTERM to the group, so that a workload can clean up (compile removes
  // its files); SIGKILL to the group if the child is still there after
  // `grace` seconds. Reaps it and says how it ended, as wait() does.
  std::string stop(double grace);
  // Whether stop() ended it (also from wait(), when the grace ran out).
  bool was_stopped() const { return stopped_; }

  // The end of what the child printed on stdout/stderr (at most
  // kOutputTail bytes: a child that floods its output costs no memory),
  // for error messages; output_bytes() counts all of it.
  static constexpr std::size_t kOutputTail = 64 * 1024;
  std::string output_tail() const;
  std::uint64_t output_bytes() const { return output_bytes_; }

 private:
  void drain_output(int timeout_ms);
  void read_messages();
  // Whether the child has exited; it stays a zombie until reap().
  bool exited() const;
  bool await_exit(double seconds);
  std::string reap();

  pid_t pid_ = -1;
  int command_fd_ = -1;
  int message_fd_ = -1;
  int output_fd_ = -1;
  std::string pending_;
  std::string output_;
  std::uint64_t output_bytes_ = 0;
  bool reaped_ = false;
  bool stopped_ = false;
  std::string ended_;  // how it ended, once reaped
};

}  // namespace corebench
