// Field access the tools share: a cell as text, a cell as a number. Internal to src/tools.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/layer.h"
#include "core/value.h"

namespace circatlas::tools {

/// The cell as text ("" for null), whatever its type.
inline std::string text(const core::Layer& layer, std::size_t row, std::string_view field) {
  return core::toString(layer.value(row, field));
}

/// The value as a number when it is an integer or a real; nullopt otherwise (null, text …).
inline std::optional<double> number(const core::Value& value) {
  if (const auto* d = std::get_if<double>(&value)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&value)) return static_cast<double>(*n);
  return std::nullopt;
}

}  // namespace circatlas::tools
