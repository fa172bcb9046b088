// Reads a planner's registry from one file (CSV, XLSX, ODS or any GDAL vector source) into
// catalogue form, recognising its columns and deriving what it lacks.
#pragma once

#include <string>
#include <vector>

#include "catalogue/registry_table.h"
#include "core/data_paths.h"
#include "core/text_table.h"
#include "io/text_encoding.h"

namespace circatlas::io {

/// The encoding policy named by --encoding: auto and gb18030 (or gbk) convert GBK/GB18030 text,
/// utf8 rejects it. Throws core::ParameterError for any other name.
[[nodiscard]] EncodingPolicy encodingPolicy(const std::string& name);

/// A registry file's rows as text, before any column is mapped.
struct RegistrySheet {
  core::TextTable table;           ///< the header and every row, each cell as text (`source`: the file)
  std::string label;               ///< what the records' `source` says: "reg.xlsx, sheet 名录"
  std::vector<std::string> notes;  ///< what was chosen on the way: a sheet of several, a title row skipped
  /// True for a layer with point geometry: its `lon`/`lat` columns are the geometry's, in WGS 84.
  bool pointGeometry = false;
};

/// Reads the rows of the registry file of `source` (its path, layer and encoding; the column
/// options are not applied): a CSV, a workbook's sheet (header found below a title row), or a
/// GDAL layer's attributes with lon/lat from its points. What readRegistryFile maps, and what the
/// viewer's column-mapping dialog shows. Throws core::IoError, core::InputError (an empty sheet or
/// layer, a non-point layer, text that is not UTF-8/GB18030) or core::ParameterError (encoding).
[[nodiscard]] RegistrySheet readRegistrySheet(const catalogue::RegistrySource& source);

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
