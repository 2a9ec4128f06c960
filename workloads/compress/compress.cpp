#include "workloads/compress/compress.h"

#include "workloads/compress/compress_workload.h"

namespace corebench {
namespace {

std::vector<OptionSpec> compress_options() {
  return {
      option("mode")
          .choice({"compress", "decompress"})
          .by_default("compress")
          .help("compress or decompress; MB/s counts uncompressed bytes either way"),
      option("level").choice({"1", "6", "9"}).by_default("6").help("zlib compression level"),
      option("size").bytes(1 << 20, 64.0 * (1ull << 30)).by_default("256MiB").help("corpus size"),
      option("chunk")
          .bytes(64 << 10, 256 << 20)
          .by_default("1MiB")
          .help("independently compressed chunk"),
      option("seed").integer(0, 2147483647).by_default("1").help("seed of the corpus"),
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
  info.work_scale = WorkScale{.options = {"size"},
                              .of = [](const OptionValues& options) -> std::optional<double> {
                                return static_cast<double>(options.bytes("size"));
                              }};
  return {std::move(info),
          [] { return std::unique_ptr<Workload>(new compress::CompressWorkload()); }};
}

}  // namespace corebench
