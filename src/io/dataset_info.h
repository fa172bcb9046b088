// A description of a vector data source without reading its features: what `circatlas info` shows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/extent.h"
#include "core/schema.h"

namespace circatlas::io {

/// What GDAL reports about one layer.
struct LayerInfo {
  std::string name;
  std::optional<std::int64_t> featureCount;  ///< nullopt when the driver cannot count cheaply
  std::string geometryType;                  ///< OGC name as GDAL reports it ("Multi Polygon", "None")
  std::string crsDefinition;                 ///< "EPSG:4326" or WKT2; empty when none declared
  std::string crsLabel;                      ///< "EPSG:4326 (WGS 84)", or "none"
  std::optional<core::Extent> extent;        ///< in the layer's CRS; nullopt for tables or if unknown
  core::Schema schema;
};

/// What GDAL reports about a data source.
struct DatasetInfo {
  std::string source;
  std::string driver;  ///< GDAL driver short name ("GPKG", "ESRI Shapefile", …)
  std::vector<LayerInfo> layers;
};

/// Describes the data source: its driver and every layer. Throws core::IoError if a local file
/// is missing or unreadable, core::InputError if GDAL cannot read it as vector data.
[[nodiscard]] DatasetInfo describeDataset(const std::string& source);

/// The files GDAL reads for a data source (a shapefile's .shp, .shx, .dbf, .prj, …; a CSV and its .csvt and .prj;
/// a GeoPackage and its write-ahead log when there is one), sorted; empty for a database or service. Errors as
/// describeDataset.
[[nodiscard]] std::vector<std::string> datasetFiles(const std::string& source);

}  // namespace circatlas::io
