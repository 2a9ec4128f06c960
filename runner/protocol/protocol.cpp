#include "runner/protocol/protocol.h"

#include <fmt/format.h>

#include "runner/common/error.h"

namespace corebench {

nlohmann::json to_json(const ExecRequest& request) {
  return {{"workload", request.workload},
          {"options", request.options},
          {"threads", request.threads},
          {"last_level_cache_bytes", request.last_level_cache_bytes},
          {"memory_bytes", request.memory_bytes},
          {"planned_cpus", request.planned_cpus},
          {"schedule", request.schedule}};
}

ExecRequest exec_request_from_json(const nlohmann::json& j) {
  ExecRequest request;
  request.workload = j.at("workload").get<std::string>();
  request.options = j.at("options").get<std::map<std::string, std::string>>();
  request.threads = j.at("threads").get<int>();
  request.last_level_cache_bytes = j.at("last_level_cache_bytes").get<std::uint64_t>();
  request.memory_bytes = j.at("memory_bytes").get<std::uint64_t>();
  request.planned_cpus = j.value("planned_cpus", std::vector<int>{});
  request.schedule = j.value("schedule", "");
  return request;
}

std::string encode(const ChildMessage& message) {
  nlohmann::json j;
  switch (message.type) {
    case ChildMessage::Type::Ready: j = {{"type", "ready"}}; break;
    case ChildMessage::Type::TimingStarts: j = {{"type", "timing-starts"}}; break;
    case ChildMessage::Type::TimingEnds: j = {{"type", "timing-ends"}}; break;
    case ChildMessage::Type::Error: j = {{"type", "error"}, {"message", message.error}}; break;
    case ChildMessage::Type::Run:
      j = to_json(message.run);
      j["type"] = "run";
      break;
  }
  return j.dump() + "\n";
}

ChildMessage decode_child_message(const std::string& line) {
  try {
    const nlohmann::json j = nlohmann::json::parse(line);
    ChildMessage message;
    const std::string type = j.at("type").get<std::string>();
    if (type == "ready") {
      message.type = ChildMessage::Type::Ready;
    } else if (type == "timing-starts") {
      message.type = ChildMessage::Type::TimingStarts;
    } else if (type == "timing-ends") {
      message.type = ChildMessage::Type::TimingEnds;
    } else if (type == "error") {
      message.error = j.at("message").get<std::string>();
    } else if (type == "run") {
      message.type = ChildMessage::Type::Run;
      message.run = run_record_from_json(j);
    } else {
      throw Error(fmt::format("unknown message type '{}'", type));
    }
    return message;
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("garbled message from test process: {}", e.what()));
  }
}

}  // namespace corebench
