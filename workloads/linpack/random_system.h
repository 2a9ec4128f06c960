// The linpack system [A | b]: n x (n+1) entries uniform in [-0.5, 0.5), from a
// seed. Every column is its own random stream, so any one column can be
// regenerated alone: verify() rebuilds A column by column instead of keeping a
// second n x n copy, which lets the matrix fill most of the memory.
#pragma once

#include <Eigen/Core>
#include <cstdint>

namespace corebench::linpack {

// Writes column `column` (0..n-1 for A, n for b) of the order-n system.
void fill_system_column(std::uint64_t seed, Eigen::Index column, Eigen::Ref<Eigen::VectorXd> out);

// Writes every column of `ab` (n x (n+1)), in parallel over columns.
void fill_system(std::uint64_t seed, Eigen::Ref<Eigen::MatrixXd> ab);

}  // namespace corebench::linpack
