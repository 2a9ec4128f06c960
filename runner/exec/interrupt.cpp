#include "runner/exec/interrupt.h"

#include <csignal>
#include <initializer_list>

namespace corebench {
namespace {

volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_interrupt(int signal_number) {
  g_signal = signal_number;
}

}  // namespace

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  // A closed terminal (SIGHUP) and a service manager's stop (SIGTERM) end a
  // session as Ctrl-C does: the finished tests are what the user keeps.
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP})
    sigaction(signal_number, &action, nullptr);
}

bool interrupted() {
  return g_signal != 0;
}

int interrupt_signal() {
  return g_signal;
}

}  // namespace corebench
