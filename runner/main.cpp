#include "runner/cli/cli.h"

int main(int argc, char** argv) {
  return corebench::corebench_main(argc, argv, corebench::builtin_registry());
}
