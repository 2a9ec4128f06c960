# Cross-compiles for aarch64 with Debian's g++-aarch64-linux-gnu against the
# :arm64 multiarch packages (in /usr/lib/aarch64-linux-gnu), and runs what it
# built (tests, test discovery) under qemu-user.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
# Multiarch: the :arm64 packages' libraries and CMake package files live in
# /usr/lib/aarch64-linux-gnu, beside the host's. CMake searches that
# directory (and never /usr/lib/x86_64-linux-gnu) once it knows the library
# architecture; no sysroot is involved.
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# `-cpu max`: every extension qemu implements, SVE2 among them. `-L /`: the
# loader and libc of libc6:arm64 (multiarch, a dependency of the :arm64 -dev
# packages), the same glibc build the libraries come from. The cross
# toolchain's (-L /usr/aarch64-linux-gnu) is another Debian revision, and its
# loader with libc6:arm64's libc.so.6 makes every fork() in a test hang.
find_program(COREBENCH_QEMU_AARCH64 qemu-aarch64 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${COREBENCH_QEMU_AARCH64} -cpu max -L /)
