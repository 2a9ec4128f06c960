#include "workloads/lzma/lzma.h"

#include "workloads/lzma/lzma_workload.h"

namespace corebench {
namespace {

std::vector<OptionSpec> lzma_options() {
  return {
      option("mode")
          .choice({"compress", "decompress"})
          .by_default("compress")
          .help("compress or decompress, rated by 7-Zip's formula for each"),
      option("dict").integer(22, 25).by_default("25").help(
          "log2 of the LZMA dictionary size, as `7z b -md=N`"),
      option("size")
          .bytes(64 << 10, 64 << 20)
          .by_default("auto")
          .help("data per stream (auto: the dictionary plus 64KiB, as 7-Zip picks it)"),
      option("passes").integer(1, 1e6).by_default("auto").help(
          "passes per stream and run (auto: 7-Zip's rule for a 3 GHz core)"),
  };
}

}  // namespace

WorkloadEntry make_lzma_entry() {
  // Designated initialisers: see compress.cpp (GCC bug 105329).
  WorkloadInfo info{
      .id = "lzma",
      .title = "7-Zip benchmark: LZMA level 5 on 7-Zip's generated data, in 7-Zip's MIPS",
      .category = "developer",
      .unit = "MIPS",
      .metric = MetricKind::Rate,
      .options = lzma_options(),
      .verification =
          "every stream decodes to its original (CRC-32, size and bytes) and every "
          "pass's CRC-32 agrees; the compression ratio lies in the band measured "
          "for 7-Zip's benchmark data",
  };
  return {std::move(info), [] { return std::unique_ptr<Workload>(new lzma::LzmaWorkload()); }};
}

}  // namespace corebench
