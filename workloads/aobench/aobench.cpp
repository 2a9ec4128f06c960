#include "workloads/aobench/aobench.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "workloads/aobench/ambient_occlusion.h"
#include "workloads/aobench/picture_bound.h"
#include "workloads/aobench/reference_image.h"
#include "workloads/common/rgb_image.h"

namespace corebench {
namespace {

using aobench::Settings;

// No pixel can count this many open rays; written before every run.
constexpr std::uint32_t kPoison = std::numeric_limits<std::uint32_t>::max();

class AoBench final : public Workload {
 public:
  void setup(const OptionValues& options, const RunConfig&) override {
    settings_.size = static_cast<int>(options.integer("size"));
    settings_.subsamples = static_cast<int>(options.integer("subsamples"));
    settings_.ao_samples = static_cast<int>(options.integer("ao-samples"));
    save_path_ = options.text("save-image");
    open_rays_.assign(std::size_t(settings_.size) * std::size_t(settings_.size), 0);
    bound_ = aobench::picture_bound(settings_, reference());
  }

  void prepare() override { std::fill(open_rays_.begin(), open_rays_.end(), kPoison); }

  RunOutput run() override {
    const int size = settings_.size;
#pragma omp parallel for schedule(dynamic, 1)
    for (int y = 0; y < size; ++y)
      aobench::render_row(settings_, y,
                          std::span(open_rays_).subspan(std::size_t(y) * size, std::size_t(size)));
    return {};
  }

  Verdict verify() override {
    const std::uint32_t most = settings_.rays_per_pixel();
    const auto out_of_range = std::count_if(open_rays_.begin(), open_rays_.end(),
                                            [most](std::uint32_t open) { return open > most; });
    const RgbImage image = picture();
    if (save_path_ != "none") write_ppm(save_path_, image);
    const double mse = mean_squared_difference(image, reference());
    const double bound = bound_.total();
    Verdict verdict;
    verdict.facts = {{"pixels_out_of_range", static_cast<double>(out_of_range)},
                     {"mse", mse},
                     {"mse_bound", bound},
                     {"mse_bound_noise", bound_.noise},
                     {"mse_bound_aliasing", bound_.aliasing},
                     {"compared_size", bound_.compared_size},
                     {"psnr_db", psnr_db(mse)}};
    verdict.ok = out_of_range == 0 && mse <= bound;
    verdict.detail = fmt::format(
        "{} pixels with an open-sky fraction outside [0, 1]; against the stored reference: "
        "mean squared difference {:.2f} (bound {:.2f}), PSNR {:.1f} dB",
        out_of_range, mse, bound, psnr_db(mse));
    return verdict;
  }

 private:
  RgbImage picture() const {
    RgbImage image(settings_.size, settings_.size);
    image.sample_centre = settings_.sample_centre();
    const double rays = settings_.rays_per_pixel();
    for (std::size_t i = 0; i < open_rays_.size(); ++i)
      std::fill_n(&image.bytes[3 * i], 3, aobench::to_byte(open_rays_[i] / rays));
    return image;
  }

  static const RgbImage& reference() {
    static const RgbImage image = decode_ppm(aobench::reference_ppm());
    return image;
  }

  Settings settings_;
  aobench::PictureBound bound_;
  std::string save_path_;
  std::vector<std::uint32_t> open_rays_;
};

}  // namespace

WorkloadEntry make_aobench_entry() {
  // Designated initialisers: GCC 12 warns falsely (-Wrestrict) on assigning "s".
  WorkloadInfo info{
      .id = "aobench",
      .title = "AOBench ambient occlusion renderer (ao.c)",
      .category = "raytracing",
      .unit = "s",
      .metric = MetricKind::Seconds,
      .options =
          {
              option("size").integer(16, 16384).by_default("2048").help(
                  "picture width and height in pixels"),
              option("subsamples")
                  .integer(1, 16)
                  .by_default("2")
                  .help("primary rays per pixel side (NSUBSAMPLES)"),
              option("ao-samples")
                  .integer(1, 64)
                  .by_default("8")
                  .help("occlusion rays per hit point side (NAO_SAMPLES; rays = its square)"),
              option("save-image")
                  .text()
                  .by_default("none")
                  .help("file to write the picture to as PPM, or none"),
          },
      .verification =
          "every pixel's open-sky fraction lies in [0, 1] (pixels are poisoned before each run); "
          "the picture, averaged down to 256x256 (or kept at its size when smaller), differs from "
          "a stored reference (checked against ao.c's picture) by a mean squared error within a "
          "bound worked out for the run's size and sample counts: the noise its rays allow (a "
          "correct picture fails with probability 3e-7), the aliasing its sample grid allows at "
          "edges, and the reference's own error"};
  info.work_scale =
      WorkScale{.options = {"size", "subsamples", "ao-samples"},
                .of = [](const OptionValues& options) -> std::optional<double> {
                  const auto squared = [&](const char* name) {
                    const auto n = static_cast<double>(options.integer(name));
                    return n * n;
                  };
                  return squared("size") * squared("subsamples") * squared("ao-samples");
                }};
  return {std::move(info), [] { return std::unique_ptr<Workload>(std::make_unique<AoBench>()); }};
}

}  // namespace corebench
