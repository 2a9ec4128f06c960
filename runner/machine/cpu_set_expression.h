// The expression language users write CPU sets in ("x925", "cluster1",
// "0-4,10-14", "all-core:0", "x925:3").
//
// Grammar (whitespace between tokens is ignored, names are case-insensitive):
//
//   expr    := operand (op operand)*       evaluated left to right
//   op      := '+' (union) | '-' (difference) | '&' (intersection)
//   operand := primary (':' COUNT)?        COUNT: the first COUNT CPUs by id
//   primary := LIST | NAME | INDEXED ':' NUM | '(' expr ')'
//   LIST    := RANGE (',' RANGE)*          RANGE := NUM ('-' NUM)?
//   INDEXED := 'core' | 'l2' | 'l3' | 'cluster' | 'node' | 'package'
//
// A '-' between two numbers is part of a range ("0-4" is 0,1,2,3,4); any
// other '-' is a difference ("x925-cluster0", "all-0", "0-4-2" = 0,1,3,4).
// "smt-primary" is one name despite its hyphen. The names a machine offers
// come from its detected topology (see named_cpu_sets()).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runner/machine/cpuset.h"
#include "runner/machine/topology.h"

namespace corebench {

// A bad CPU-set expression. The message is one line naming the expression,
// the offending token and its position (0-based).
struct CpuSetError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// The names an expression may use on this machine, in the order `info`
// shows them: all, core types by name, big/little (and p/e on a hybrid
// x86), clusterN, l3:N (and ccdN on AMD), smt-primary, nodeN.
std::vector<std::pair<std::string, CpuSet>> named_cpu_sets(const Topology& topology);

// Evaluates `expression` against `topology`. Throws CpuSetError when it does
// not parse, names something this machine lacks, comes out empty, or names
// CPUs that are not online or that this process may not run on. `all` is the
// CPUs it may run on (Topology::allowed).
CpuSet resolve_cpu_set(std::string_view expression, const Topology& topology);

}  // namespace corebench
