// The memory modules the firmware describes (SMBIOS type 17 "Memory
// Device" records, which Linux exposes as /sys/firmware/dmi/entries/17-N/raw
// to root): their type, size and speed, since a bandwidth-bound result moves
// with the memory's clock as much as with the CPU.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace corebench {

struct MemoryDevice {
  std::uint64_t size_bytes = 0;  // 0: an empty slot
  std::string type;              // "DDR5", "LPDDR5", ...; "" when the record does not say
  unsigned rated_mts = 0;        // the module's speed, MT/s; 0 unknown
  unsigned configured_mts = 0;   // what the memory controller runs it at; 0 unknown
};

// One raw type-17 record (its formatted part and strings, as in the file);
// nullopt when it is not one or is too short to hold a size.
std::optional<MemoryDevice> parse_memory_device(std::span<const std::uint8_t> record);

// Every memory device below `root`, in entry order; empty where the
// entries are absent or unreadable (not root, no SMBIOS, a VM without them).
std::vector<MemoryDevice> read_memory_devices(const std::filesystem::path& root);

// "2 x 16 GiB DDR5 at 5600 MT/s (rated 6400), 2 empty slots"; "" for none.
std::string describe_memory(const std::vector<MemoryDevice>& devices);

}  // namespace corebench
