// Instruction-set extensions: those this binary was built to use and those
// this CPU has, named as Linux's /proc/cpuinfo names them ("avx512f",
// "sve2"). The startup refusal lives in isa_guard.*; this is what `info`
// shows.
#pragma once

#include <string>
#include <vector>

namespace corebench {

struct IsaReport {
  std::vector<std::string> built_for;  // what the compiler was allowed to use
  std::vector<std::string> cpu;        // what this CPU has, of the extensions the build can detect
  std::vector<std::string> missing;    // built_for minus cpu: instructions that would fault here
};

IsaReport isa_report();

// The extensions a /proc/cpuinfo text lists for its first CPU (x86 "flags",
// Arm "Features"), every word of them; empty when it lists none.
std::vector<std::string> cpuinfo_isa(const std::string& cpuinfo);

// The architecture a /proc/cpuinfo text describes: "x86_64", "aarch64", or
// "" when it cannot tell. Under qemu-user this is the host's architecture,
// not the emulated binary's.
std::string cpuinfo_arch(const std::string& cpuinfo);

}  // namespace corebench
