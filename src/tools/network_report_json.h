// A NetworkReport as JSON text and back, for the network cache (tools/network_cache.h).
#pragma once

#include <string>

#include "tools/network_tool.h"

namespace circatlas::tools {

/// Every field of the report; numbers round-trip exactly.
[[nodiscard]] std::string reportToJson(const NetworkReport& report);

/// The report reportToJson wrote; core::InputError when the text is not such a report.
[[nodiscard]] NetworkReport reportFromJson(const std::string& text);

}  // namespace circatlas::tools
