// Ctrl-C: the runner stops the test in flight, keeps what finished and says
// where it stopped, instead of dying with a half-written picture.
#pragma once

namespace corebench {

// Installs SIGINT/SIGTERM handlers that only set a flag (no SA_RESTART, so a
// blocking poll() returns and the runner notices).
void install_interrupt_handler();
bool interrupted();

}  // namespace corebench
