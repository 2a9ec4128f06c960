#include "runner/machine/memory_devices.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <tuple>

#include "runner/machine/sysfs.h"

namespace corebench {
namespace {

// Offsets and codes of the type 17 record: DMTF DSP0134 (SMBIOS 3.x),
// "Memory Device (Type 17)".
constexpr std::uint8_t kMemoryDeviceType = 17;
constexpr std::size_t kSizeOffset = 0x0C;            // WORD
constexpr std::size_t kTypeOffset = 0x12;            // BYTE
constexpr std::size_t kSpeedOffset = 0x15;           // WORD, MT/s (2.3+)
constexpr std::size_t kExtendedSizeOffset = 0x1C;    // DWORD, MiB (2.7+)
constexpr std::size_t kConfiguredOffset = 0x20;      // WORD, MT/s (2.7+)
constexpr std::size_t kExtendedSpeedOffset = 0x54;   // DWORD (3.3+)
constexpr std::size_t kExtendedConfigOffset = 0x58;  // DWORD (3.3+)
constexpr unsigned kUseExtended = 0xFFFF;

std::uint32_t little_endian(std::span<const std::uint8_t> bytes, std::size_t offset,
                            std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < width; ++i)
    value |= static_cast<std::uint32_t>(bytes[offset + i]) << (8 * i);
  return value;
}

// A field the record is long enough to hold, else nullopt (older versions
// of the specification end the record earlier).
std::optional<std::uint32_t> field(std::span<const std::uint8_t> record, std::size_t length,
                                   std::size_t offset, std::size_t width) {
  if (offset + width > length) return std::nullopt;
  return little_endian(record, offset, width);
}

std::string memory_type(std::uint8_t code) {
  static const std::map<std::uint8_t, const char*> names = {
      {0x12, "DDR"},    {0x13, "DDR2"},   {0x18, "DDR3"},   {0x1A, "DDR4"}, {0x1B, "LPDDR"},
      {0x1C, "LPDDR2"}, {0x1D, "LPDDR3"}, {0x1E, "LPDDR4"}, {0x20, "HBM"},  {0x21, "HBM2"},
      {0x22, "DDR5"},   {0x23, "LPDDR5"}, {0x24, "HBM3"}};
  const auto found = names.find(code);
  return found == names.end() ? "" : found->second;
}

std::uint64_t size_bytes(std::span<const std::uint8_t> record, std::size_t length) {
  const std::uint32_t size = little_endian(record, kSizeOffset, 2);
  if (size == 0 || size == 0xFFFF) return 0;  // empty, or unknown
  constexpr std::uint64_t kMiB = 1ull << 20;
  if (size == 0x7FFF)  // the real size is in the extended field
    return static_cast<std::uint64_t>(field(record, length, kExtendedSizeOffset, 4).value_or(0) &
                                      0x7FFFFFFF) *
           kMiB;
  // Bit 15 set: the size is in KiB, else in MiB.
  return (size & 0x8000) ? static_cast<std::uint64_t>(size & 0x7FFF) << 10 : size * kMiB;
}

unsigned speed(std::span<const std::uint8_t> record, std::size_t length, std::size_t offset,
               std::size_t extended_offset) {
  const unsigned value = field(record, length, offset, 2).value_or(0);
  if (value != kUseExtended) return value;
  return field(record, length, extended_offset, 4).value_or(0) & 0x7FFFFFFF;
}

std::string gib(std::uint64_t bytes) {
  const double value = static_cast<double>(bytes) / static_cast<double>(1ull << 30);
  return value >= 1 ? fmt::format("{:g} GiB", value) : fmt::format("{} MiB", bytes >> 20);
}

}  // namespace

std::optional<MemoryDevice> parse_memory_device(std::span<const std::uint8_t> record) {
  if (record.size() < 2 || record[0] != kMemoryDeviceType) return std::nullopt;
  const std::size_t length = std::min<std::size_t>(record[1], record.size());
  if (length < kSizeOffset + 2) return std::nullopt;
  MemoryDevice device;
  device.size_bytes = size_bytes(record, length);
  if (length > kTypeOffset) device.type = memory_type(record[kTypeOffset]);
  device.rated_mts = speed(record, length, kSpeedOffset, kExtendedSpeedOffset);
  device.configured_mts = speed(record, length, kConfiguredOffset, kExtendedConfigOffset);
  return device;
}

std::vector<MemoryDevice> read_memory_devices(const std::filesystem::path& root) {
  const std::filesystem::path dir = under(root, "/sys/firmware/dmi/entries");
  std::vector<std::filesystem::path> entries;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().filename().string().starts_with("17-")) entries.push_back(entry.path());
  // "17-10" after "17-9": the kernel numbers them in table order.
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const std::string x = a.filename().string(), y = b.filename().string();
    return std::make_tuple(x.size(), x) < std::make_tuple(y.size(), y);
  });
  std::vector<MemoryDevice> devices;
  for (const auto& entry : entries) {
    std::ifstream in(entry / "raw", std::ios::binary);
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
    if (auto device = parse_memory_device(bytes)) devices.push_back(*device);
  }
  return devices;
}

std::string describe_memory(const std::vector<MemoryDevice>& devices) {
  // Identical modules as one group, in the order first seen.
  std::vector<std::pair<MemoryDevice, int>> groups;
  int empty = 0;
  for (const auto& device : devices) {
    if (device.size_bytes == 0) {
      ++empty;
      continue;
    }
    const auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& group) {
      const MemoryDevice& d = group.first;
      return d.size_bytes == device.size_bytes && d.type == device.type &&
             d.rated_mts == device.rated_mts && d.configured_mts == device.configured_mts;
    });
    if (same == groups.end())
      groups.emplace_back(device, 1);
    else
      ++same->second;
  }
  std::vector<std::string> parts;
  for (const auto& [device, count] : groups) {
    std::string part = fmt::format("{} x {}", count, gib(device.size_bytes));
    if (!device.type.empty()) part += " " + device.type;
    const unsigned running = device.configured_mts ? device.configured_mts : device.rated_mts;
    if (running) part += fmt::format(" at {} MT/s", running);
    if (device.configured_mts && device.rated_mts && device.rated_mts != device.configured_mts)
      part += fmt::format(" (rated {})", device.rated_mts);
    parts.push_back(part);
  }
  if (empty > 0 && !parts.empty())
    parts.push_back(fmt::format("{} empty slot{}", empty, empty == 1 ? "" : "s"));
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace corebench
