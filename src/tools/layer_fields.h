// Field access the tools share: a cell as text, a cell as a number, a feature copied with room. Internal to
// src/tools.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/error.h"
#include "core/feature.h"
#include "core/layer.h"
#include "core/value.h"

namespace circatlas::tools {

/// The cell as text ("" for null), whatever its type.
inline std::string text(const core::Layer& layer, std::size_t row, std::string_view field) {
  return core::toString(layer.value(row, field));
}

/// The index of a field the layer must have; the error (core::InputError) names the layer, as Layer::value's.
inline std::size_t requireField(const core::Layer& layer, std::string_view field) {
  try {
    return layer.schema().require(field);
  } catch (core::Error& e) {
    e.setLayer(layer.name());
    throw;
  }
}

/// Whether a cell spells `text`: a string cell compared in place (no copy), any other as its text.
inline bool spells(const core::Value& cell, std::string_view text) {
  const auto* s = std::get_if<core::Text>(&cell);
  return s ? *s == text : core::toString(cell) == text;
}

/// A copy of `feature` with room for `extra` more values: a full copy grown afterwards would be
/// made twice over (a million features, a gigabyte of fresh memory).
inline core::Feature copyWithRoom(const core::Feature& feature, std::size_t extra) {
  core::Feature out{feature.id, feature.geometry, {}};
  out.values.reserve(feature.values.size() + extra);
  out.values.insert(out.values.end(), feature.values.begin(), feature.values.end());
  return out;
}

/// The value as a number when it is an integer or a real; nullopt otherwise (null, text …).
inline std::optional<double> number(const core::Value& value) { return core::toNumber(value); }

}  // namespace circatlas::tools
