#include "workloads/ramspeed/ramspeed.h"

#include "workloads/ramspeed/ramspeed_kernel.h"

namespace corebench {
namespace {

using ramspeed::Op;
using ramspeed::RamspeedKernel;

// Chooses the element type once the options are known.
class Ramspeed final : public Workload {
 public:
  void setup(const OptionValues& options, const RunConfig& config) override {
    const Op op = ramspeed::parse_op(options.text("op"));
    if (options.text("type") == "int")
      impl_ = std::make_unique<RamspeedKernel<std::int64_t>>(op);
    else
      impl_ = std::make_unique<RamspeedKernel<double>>(op);
    impl_->setup(options, config);
  }
  void prepare() override { impl_->prepare(); }
  RunOutput run() override { return impl_->run(); }
  Verdict verify() override { return impl_->verify(); }

 private:
  std::unique_ptr<Workload> impl_;
};

}  // namespace

WorkloadEntry make_ramspeed_entry() {
  WorkloadInfo info;
  info.id = "ramspeed";
  info.title = "RAMspeed SMP-style memory bandwidth (STREAM kernels)";
  info.category = "memory";
  info.unit = "MB/s";
  info.metric = MetricKind::Rate;
  info.options = {
      option("type")
          .choice({"int", "float"})
          .by_default("float")
          .help("element type: 64-bit integers or doubles"),
      option("op")
          .choice({"copy", "scale", "add", "triad"})
          .by_default("triad")
          .help("kernel: copy c=a, scale b=3c, add c=a+b, triad a=b+3c"),
      option("size")
          .bytes(ramspeed::kMinSize, 1ull << 40)
          .by_default("auto")
          .help(
              "total bytes of the arrays (auto: the larger of 512MiB and 8x the last-level cache)"),
      option("passes").integer(1, 1e6).by_default("auto").help(
          "kernel passes per timed run (auto: at least 20 rounds and about 4 GiB moved); the run "
          "reports its fastest round of passes, a round being one pass of 64 MiB or more, as "
          "STREAM reports the fastest of its 20 passes"),
  };
  info.verification =
      "every element of the written array equals its closed-form value (exact for int, "
      "within 4 ulp for float); the array is poisoned before each run";
  return {std::move(info), [] { return std::make_unique<Ramspeed>(); }};
}

}  // namespace corebench
