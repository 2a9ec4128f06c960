// SMBIOS type 17 records as the kernel exposes them. The records are built
// here byte by byte after DMTF DSP0134 3.4 ("Memory Device (Type 17)"):
// no machine this project runs on exposes them, and a dump of one would
// hold serial numbers.
#include "runner/machine/memory_devices.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace corebench {
namespace {

struct Fields {
  unsigned size_word = 0;                 // offset 0x0C
  std::uint8_t type = 0;                  // offset 0x12
  unsigned speed = 0;                     // offset 0x15
  std::uint32_t extended_size = 0;        // offset 0x1C
  unsigned configured = 0;                // offset 0x20
  std::uint32_t extended_speed = 0;       // offset 0x54
  std::uint32_t extended_configured = 0;  // offset 0x58
};

void put(std::vector<std::uint8_t>& bytes, std::size_t offset, std::uint32_t value,
         std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) bytes[offset + i] = (value >> (8 * i)) & 0xFF;
}

// A record of `length` formatted bytes (0x5C for SMBIOS 3.3+, 0x28 for
// 2.8, 0x15 for 2.1) and its two-NUL string terminator.
std::vector<std::uint8_t> record(const Fields& f, std::size_t length = 0x5C) {
  std::vector<std::uint8_t> bytes(0x5C, 0);
  bytes[0] = 17;
  bytes[1] = static_cast<std::uint8_t>(length);
  put(bytes, 0x0C, f.size_word, 2);
  bytes[0x12] = f.type;
  put(bytes, 0x15, f.speed, 2);
  put(bytes, 0x1C, f.extended_size, 4);
  put(bytes, 0x20, f.configured, 2);
  put(bytes, 0x54, f.extended_speed, 4);
  put(bytes, 0x58, f.extended_configured, 4);
  bytes.resize(length);
  bytes.insert(bytes.end(), {0, 0});
  return bytes;
}

TEST(MemoryDevices, Ddr5ModuleRunningBelowItsRating) {
  const auto device = parse_memory_device(
      record({.size_word = 16384, .type = 0x22, .speed = 6400, .configured = 5600}));
  ASSERT_TRUE(device);
  EXPECT_EQ(device->size_bytes, 16ull << 30);
  EXPECT_EQ(device->type, "DDR5");
  EXPECT_EQ(device->rated_mts, 6400u);
  EXPECT_EQ(device->configured_mts, 5600u);
}

TEST(MemoryDevices, ExtendedSizeAndSpeed) {
  // 128 GiB of LPDDR5X-8533 soldered down: too big for the size word, and
  // a speed word of 0xFFFF points to the extended fields.
  const auto device = parse_memory_device(record({.size_word = 0x7FFF,
                                                  .type = 0x23,
                                                  .speed = 0xFFFF,
                                                  .extended_size = 131072,
                                                  .configured = 0xFFFF,
                                                  .extended_speed = 70000,
                                                  .extended_configured = 70000}));
  ASSERT_TRUE(device);
  EXPECT_EQ(device->size_bytes, 128ull << 30);
  EXPECT_EQ(device->rated_mts, 70000u);
  EXPECT_EQ(device->configured_mts, 70000u);
}

TEST(MemoryDevices, OlderRecordsEndEarlier) {
  // SMBIOS 2.1: a size (in KiB, bit 15) and no speed fields at all.
  const auto old = parse_memory_device(record({.size_word = 0x8000 | 512, .type = 0x18}, 0x15));
  ASSERT_TRUE(old);
  EXPECT_EQ(old->size_bytes, 512ull << 10);
  EXPECT_EQ(old->type, "DDR3");
  EXPECT_EQ(old->rated_mts, 0u);
  EXPECT_EQ(old->configured_mts, 0u);
  EXPECT_FALSE(parse_memory_device(std::vector<std::uint8_t>{17, 4, 0, 0}));
  auto not_memory = record({.size_word = 1024});
  not_memory[0] = 16;
  EXPECT_FALSE(parse_memory_device(not_memory));
  // A length byte beyond the file's end is cut to what is there.
  auto cut = record({.size_word = 8192, .type = 0x1A, .speed = 3200}, 0x28);
  cut.resize(0x18);
  const auto partial = parse_memory_device(cut);
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->rated_mts, 3200u);
  EXPECT_EQ(partial->configured_mts, 0u);
}

TEST(MemoryDevices, DescribedAsGroupsWithEmptySlots) {
  const MemoryDevice module{
      .size_bytes = 16ull << 30, .type = "DDR5", .rated_mts = 6400, .configured_mts = 5600};
  const MemoryDevice slot{};
  EXPECT_EQ(describe_memory({module, slot, module, slot}),
            "2 x 16 GiB DDR5 at 5600 MT/s (rated 6400), 2 empty slots");
  EXPECT_EQ(describe_memory({}), "");
  EXPECT_EQ(describe_memory({slot}), "");  // no module known: unknown, not "0"
}

TEST(MemoryDevices, ReadFromEntriesBelowARoot) {
  const auto root =
      std::filesystem::temp_directory_path() / ("corebench-dmi-" + std::to_string(getpid()));
  for (int i : {0, 1, 2, 10}) {
    const auto dir = root / "sys/firmware/dmi/entries" / ("17-" + std::to_string(i));
    std::filesystem::create_directories(dir);
    const auto bytes = record(
        {.size_word = i == 10 ? 0u : 8192u, .type = 0x1A, .speed = 3200, .configured = 3200});
    std::ofstream(dir / "raw", std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<long>(bytes.size()));
  }
  std::filesystem::create_directories(root / "sys/firmware/dmi/entries/16-0");
  const auto devices = read_memory_devices(root);
  ASSERT_EQ(devices.size(), 4u);
  EXPECT_EQ(devices.back().size_bytes, 0u);  // 17-10 is the last, not the second
  EXPECT_EQ(describe_memory(devices), "3 x 8 GiB DDR4 at 3200 MT/s, 1 empty slot");
  EXPECT_TRUE(read_memory_devices(root / "nowhere").empty());
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace corebench
