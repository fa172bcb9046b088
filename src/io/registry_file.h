// Reads a planner's registry from one file (CSV, XLSX, ODS or any GDAL vector source) into
// catalogue form, recognising its columns and deriving what it lacks.
#pragma once

#include <string>

#include "catalogue/registry_table.h"
#include "core/data_paths.h"
#include "io/text_encoding.h"

namespace circatlas::io {

/// The encoding policy named by --encoding: auto and gb18030 (or gbk) convert GBK/GB18030 text,
/// utf8 rejects it. Throws core::ParameterError for any other name.
[[nodiscard]] EncodingPolicy encodingPolicy(const std::string& name);

/// Reads the registry file of `source` and returns its enterprises in catalogue form with the
/// report of the mapping, derived fields, placements and unplaced rows. Coordinates come from the
/// point geometry (reprojected to WGS 84 with PROJ) or from lon/lat columns in any format, converted
/// from GCJ-02/BD-09 when `coords` says so; rows without coordinates are placed from an address,
/// township or county column with the gazetteer (data/gazetteer/townships.csv) and the county seats
/// of data/basemap.gpkg. County and prefecture come from the base map by point in polygon.
/// Writes source.saveMapping when set. Throws core::IoError (unreadable file), core::InputError
/// (no name column, an empty sheet, a non-point layer, not UTF-8/GB18030 text — naming file,
/// layer, row and column) or core::ParameterError (bad --field, mapping file, coords or encoding,
/// or a --save-mapping file that exists).
[[nodiscard]] catalogue::RegistryTable readRegistryFile(const catalogue::RegistrySource& source,
                                                        const core::DataPaths& paths);

}  // namespace circatlas::io
