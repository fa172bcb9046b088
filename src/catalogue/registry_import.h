// Brings a user's registry into catalogue form: WGS 84 lon/lat columns, whatever the source used.
#pragma once

#include <string>

#include "core/layer.h"
#include "core/text_table.h"
#include "geo/web_map_coords.h"

namespace circatlas::catalogue {

/// Renames the registry's coordinate columns to `lon` and `lat` (if they are called otherwise)
/// and converts every parseable pair from `system` to WGS 84, written back with 7 decimals
/// (1 cm). Cells that do not parse are left as they are for the validator to report. Throws
/// core::InputError naming the file and the missing column when a coordinate column is absent.
void normaliseCoordinates(core::TextTable& table, const std::string& lonField, const std::string& latField,
                          geo::LonLatSystem system);

/// A registry read from a GIS layer (GeoPackage, Shapefile, GeoJSON …) as a text table: every
/// attribute as text, plus `lon`/`lat` from the point geometry transformed to WGS 84 with PROJ
/// (from the layer's CRS; a layer without CRS is taken to be in lon/lat degrees and says so in a
/// core::CrsError if its coordinates cannot be degrees). Row "lines" are the feature ids.
/// Throws core::InputError naming the layer for non-point layers.
[[nodiscard]] core::TextTable tableFromPointLayer(const core::Layer& layer, const std::string& source);

}  // namespace circatlas::catalogue
