// How corebench starts itself (the runner's child processes), and how tests
// start it. A binary run by a user-mode emulator that the kernel does not
// know (qemu-aarch64 without a binfmt_misc entry, as in the aarch64 tests)
// cannot exec another binary of its architecture, but the emulator can:
// COREBENCH_EMULATOR names it ("qemu-aarch64 -cpu max"), and every such
// command line starts with its words.
#pragma once

#include <string>
#include <vector>

namespace corebench {

// The words of COREBENCH_EMULATOR; empty when it is unset or empty.
std::vector<std::string> emulator_command();

// emulator_command() followed by this binary's path (/proc/self/exe).
std::vector<std::string> self_command();

}  // namespace corebench
