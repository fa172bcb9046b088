// Conversions between WGS 84 and the coordinates of Chinese web maps: GCJ-02 (AMap, Tencent) and BD-09 (Baidu).
#pragma once

#include <string_view>

#include "core/points.h"

namespace circatlas::geo {

/// The lon/lat systems an enterprise registry in China is likely to use.
///
/// GCJ-02 and BD-09 are not coordinate reference systems that PROJ knows: they are WGS 84
/// positions shifted by a published obfuscation formula (GCJ-02, 0.1–0.7 km inside China) and a
/// further rotation/offset (BD-09). The forward formulae are the public ones; the inverses are
/// solved by fixed-point iteration to 1e-9° (0.1 mm), so round trips are exact for planning.
/// CGCS2000 coincides with WGS 84 to a few centimetres at the scale of Gansu and is taken as equal.
enum class LonLatSystem { Wgs84, Cgcs2000, Gcj02, Bd09 };

/// Parses "wgs84", "cgcs2000", "gcj02" or "bd09" (case-insensitive; "epsg:4326" and "epsg:4490"
/// too). Throws core::ParameterError listing the accepted names.
[[nodiscard]] LonLatSystem parseLonLatSystem(std::string_view name);

/// "WGS 84", "CGCS2000", "GCJ-02", "BD-09".
[[nodiscard]] std::string_view toString(LonLatSystem system) noexcept;

/// True where the GCJ-02 shift applies (the rough bounding box of China the formula's own
/// implementations use); outside it, GCJ-02 equals WGS 84.
[[nodiscard]] bool gcjShiftApplies(core::LonLat p) noexcept;

/// Converts a position given in `from` to WGS 84 degrees.
[[nodiscard]] core::LonLat toWgs84(core::LonLat p, LonLatSystem from) noexcept;

/// Converts a WGS 84 position to `to`.
[[nodiscard]] core::LonLat fromWgs84(core::LonLat p, LonLatSystem to) noexcept;

}  // namespace circatlas::geo
