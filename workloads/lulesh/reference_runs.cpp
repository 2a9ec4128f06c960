#include "workloads/lulesh/reference_runs.h"

namespace corebench::lulesh {
namespace {

// Printed by LLNL's LULESH 2.0.3 (git tag 2.0.3, github.com/LLNL/LULESH),
// OpenMP build without MPI: g++ 12 -O3 -fopenmp -DUSE_MPI=0, run as
// `lulesh2.0 -s <size> [-i <iterations>]` with 1 or 2 threads. These values
// do not change with -r, -b, -c or the thread count (checked for
// -s 10 -i 50 with -r 1, -r 4 -b 3 -c 5, -r 20 -b 0 -c 0, -r 11 -b 2 -c 3).
// clang-format off
constexpr ReferenceRun kRuns[] = {
    // size  -i  cycles  origin energy
    {  1,   10,     1, 4.333329e+02},
    {  2,   10,     5, 2.746125e+03},
    {  3,   10,    10, 7.011263e+03},
    {  4,   10,    10, 1.661929e+04},
    {  5,   10,    10, 3.245955e+04},
    {  5,   50,    50, 1.013099e+04},
    {  5,    0,    72, 7.853665e+03},
    {  8,   10,    10, 1.329543e+05},
    {  8,   50,    50, 4.149655e+04},
    {  8,  100,   100, 2.508178e+04},
    {  8,    0,   163, 1.788182e+04},
    { 10,   10,    10, 2.596764e+05},
    { 10,   50,    50, 8.104796e+04},
    { 10,  100,   100, 4.898785e+04},
    { 10,    0,   231, 2.720531e+04},
    { 12,   37,    37, 1.712820e+05},
    { 15,   10,    10, 8.764079e+05},
    { 15,   50,    50, 2.735369e+05},
    { 15,  100,   100, 1.653340e+05},
    { 15,    0,   400, 5.702894e+04},
    { 20,   10,    10, 2.077411e+06},
    { 20,   50,    50, 6.483837e+05},
    { 20,  100,   100, 3.919028e+05},
    { 20,    0,   575, 9.668856e+04},
    { 25,  200,   200, 4.690930e+05},
    { 30,   10,    10, 7.011263e+06},
    { 30,   50,    50, 2.188295e+06},
    { 30,  100,   100, 1.322672e+06},
    { 30,    0,   932, 2.025075e+05},
    { 45,   10,    10, 2.366301e+07},
    { 45,   50,    50, 7.385495e+06},
    { 45,  100,   100, 4.464018e+06},
    { 45,    0,  1477, 4.234875e+05},
};
// clang-format on

}  // namespace

std::optional<ReferenceRun> find_reference_run(Index size, Index iterations) {
  for (const ReferenceRun& run : kRuns)
    if (run.size == size && run.iterations == iterations) return run;
  if (iterations > 0) {
    // A run that reaches the stop time first is the stop-time run.
    for (const ReferenceRun& run : kRuns)
      if (run.size == size && (run.iterations == 0 || run.cycles < run.iterations) &&
          iterations >= run.cycles)
        return ReferenceRun{size, iterations, run.cycles, run.origin_energy};
  }
  return std::nullopt;
}

}  // namespace corebench::lulesh
