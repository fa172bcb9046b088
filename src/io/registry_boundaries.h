// The administrative units an analysis counts and maps a registry on: Gansu's counties and
// prefectures of the base map, or a user's own polygon layer (--boundaries FILE[:LAYER]).
#pragma once

#include <filesystem>
#include <string>

#include "core/layer.h"

namespace circatlas::io {

/// Units in the base map's schema, in WGS 84: what overlay, hotspots and cluster read as
/// "counties" and "prefectures".
struct Boundaries {
  core::Layer units;    ///< code, name_zh, name_en, prefecture_code (the parent's code); polygons
  core::Layer parents;  ///< code, name_zh, name_en; polygons (one level: the units themselves)
  /// For the user: "Gansu's counties and prefectures (the base map)" or
  /// "kreise.gpkg, layer kreise: 3 units (code ← AGS, name ← GEN), one level".
  std::string label;
  bool builtin = true;    ///< the base map's counties and prefectures
  bool oneLevel = false;  ///< the units are their own parents (the file gives no parent field)
};

/// The base map's counties and prefectures (`basemap`: DataPaths::basemap(), data/basemap.gpkg).
[[nodiscard]] Boundaries builtinBoundaries(const std::filesystem::path& basemap);

/// The file and layer of `spec`: "FILE" or "FILE:LAYER" (the part after the last ':' is a layer
/// when the whole is not a file and the part before it is). Throws core::IoError when no file.
[[nodiscard]] std::pair<std::string, std::optional<std::string>> splitBoundariesSpec(const std::string& spec);

/// A user's boundaries: a polygon layer in any CRS (reprojected to WGS 84 with PROJ) whose fields
/// give each unit a code, a name and optionally its parent's code and name. Recognised fields
/// (case-insensitive, first found): code ← code, county_code, adcode, 区划代码, 行政区划代码, AGS,
/// GEOID, NUTS_ID, GID_3/GID_2/GID_1, id; name ← name_zh, name, name_en, 名称, GEN, NAME_3/NAME_2/
/// NAME_1, NAME_LATN, NAMELSAD; parent code ← prefecture_code, parent_code, GID_(n-1) beside GID_n;
/// parent name ← prefecture, parent_name, NAME_(n-1). Without a code the units are numbered 1…N,
/// without a name the code names them; without a parent the units are their own parents (one
/// level), with one the parents are the union of their units. Throws core::IoError (no file),
/// core::InputError (not polygons, no features, a code twice — naming file, layer and features),
/// core::CrsError (no CRS), core::ParameterError (unknown layer).
[[nodiscard]] Boundaries readBoundaries(const std::string& spec);

}  // namespace circatlas::io
