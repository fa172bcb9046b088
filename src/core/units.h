// Parsing of quantities typed with their unit on the command line or in definition files ("5km", "500 m").
#pragma once

#include <string_view>

namespace circatlas::core {

/// Metres from "5km", "5 km", "500m", "0.5 km" (a unit is required: distances without one are
/// ambiguous). Throws core::ParameterError naming the text and the accepted units.
[[nodiscard]] double parseDistanceMeters(std::string_view text);

}  // namespace circatlas::core
