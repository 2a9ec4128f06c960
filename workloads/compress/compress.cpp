#include "workloads/compress/compress.h"

#include "workloads/compress/compress_workload.h"

namespace corebench {
namespace {

std::vector<OptionSpec> compress_options() {
  return {
      {"mode",
       OptionKind::Choice,
       "compress",
       "compress or decompress; MB/s counts uncompressed bytes either way",
       {"compress", "decompress"}},
      {"level", OptionKind::Choice, "6", "zlib compression level", {"1", "6", "9"}},
      {"size", OptionKind::Bytes, "256MiB", "corpus size", {}, 1 << 20, 64.0 * (1ull << 30)},
      {"chunk",
       OptionKind::Bytes,
       "1MiB",
       "independently compressed chunk",
       {},
       64 << 10,
       256 << 20},
      {"seed", OptionKind::Integer, "1", "seed of the corpus", {}, 0, 2147483647},
  };
}

}  // namespace

WorkloadEntry make_compress_entry() {
  // Designated initialisers: assigning short literals to the strings trips a
  // GCC 12 -Wrestrict false positive (GCC bug 105329).
  WorkloadInfo info{
      .id = "compress",
      .title = "zlib deflate/inflate of a mixed corpus in independent chunks (pigz-style)",
      .category = "developer",
      .unit = "MB/s",
      .metric = MetricKind::Rate,
      .options = compress_options(),
      .verification =
          "every chunk round-trips byte-exact with the CRC-32 of the original; the "
          "compression ratio lies in the band measured for the corpus and level",
  };
  return {std::move(info),
          [] { return std::unique_ptr<Workload>(new compress::CompressWorkload()); }};
}

}  // namespace corebench
