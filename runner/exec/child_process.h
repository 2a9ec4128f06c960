// A test's child process: started pinned in its own process group, fed
// commands on stdin, read line by line from fd 3 with a deadline, and killed
// with its whole group when it hangs or the user interrupts.
#pragma once

#include <sys/types.h>

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

  void kill();
  // Reaps the child and says how it ended: "" for a clean exit, else
  // "exited with status 3" or "killed by signal 11 (Segmentation fault)".
  std::string wait();

  // The last lines the child printed on stdout/stderr, for error messages.
  std::string output_tail() const;

 private:
  void drain_output();

  pid_t pid_ = -1;
  int command_fd_ = -1;
  int message_fd_ = -1;
  int output_fd_ = -1;
  std::string pending_;
  std::string output_;
  bool reaped_ = false;
};

}  // namespace corebench
