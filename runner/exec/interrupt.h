// Ctrl-C, SIGTERM and SIGHUP: the runner stops the test in flight, keeps
// what finished and says where it stopped, instead of dying with a
// half-written picture.
#pragma once

namespace corebench {

// Installs SIGINT/SIGTERM/SIGHUP handlers that only note the signal (no
// SA_RESTART, so a blocking poll() returns and the runner notices).
void install_interrupt_handler();
bool interrupted();
// The signal that interrupted the runner (the last one if several came); 0
// when none did.
int interrupt_signal();

}  // namespace corebench
