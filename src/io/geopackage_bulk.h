// Private to src/io: fills GeoPackage tables that GDAL created empty, through one SQLite connection.
#pragma once

#include <span>
#include <string>

#include "core/layer.h"

namespace circatlas::io::detail {

/// True when `layer` can be written by fillGeoPackage: its fields are booleans, integers, reals and
/// text (dates keep GDAL's own conversions).
[[nodiscard]] bool fillableByBulkInsert(const core::Layer& layer);

/// Inserts the features of every layer into the GeoPackage at `path`, whose tables GDAL has
/// created (same names and fields, geometry column and empty R-tree index registered) and
/// closed. One transaction, rows inserted up to 64 to a prepared statement with their rowids (the
/// next ones of the table), geometries encoded as GeoPackage blobs
/// directly (points without allocation); gpkg_contents' extent and gpkg_ogr_contents' count are
/// set as GDAL sets them; GDAL's feature-count and R-tree insert triggers are suspended during the
/// insert and put back, and the R-tree is written packed (sort-tile-recursive) in one go. `target` names the final file
/// in messages. Throws core::IoError naming file, layer and feature.
void fillGeoPackage(const std::string& path, std::span<const core::Layer* const> layers, const std::string& target);

}  // namespace circatlas::io::detail
