// Writes layers to any vector format GDAL creates, atomically: a temporary file, renamed when complete.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "core/layer.h"

namespace circatlas::io {

struct WriteOptions {
  /// GDAL driver short name ("GPKG", "GeoJSON", "ESRI Shapefile", "FlatGeobuf", "CSV"); by
  /// default chosen from the file extension.
  std::optional<std::string> format;
  /// A PostgreSQL target ("PG:…"): tables of the same names are replaced; without it they are
  /// refused. (File targets are checked by the output policy before any work starts.)
  bool overwrite = false;
};

/// The GDAL driver for a path's extension (.gpkg, .geojson/.json, .shp, .fgb, .csv), or a
/// core::ParameterError naming the extensions it knows.
[[nodiscard]] std::string driverForPath(const std::string& path);

/// `format` when given, else driverForPath(path); core::ParameterError when the path's extension
/// names another known format (`--format GPKG --out x.shp`).
[[nodiscard]] std::string driverFor(const std::string& path, const std::optional<std::string>& format);

/// Writes the layers into a new file at path, replacing any file there only once everything is
/// written: the data go to a temporary folder beside the target first, and each finished file is
/// renamed into place (a single rename for one-file formats such as GeoPackage; for Shapefile,
/// one per component). If anything fails, the target is left as it was and the temporary folder
/// is removed. Formats that hold one layer per file (GeoJSON, Shapefile, FlatGeobuf, CSV) take
/// exactly one layer. Text is written as UTF-8 (Shapefiles get a .cpg saying so). CSV: point
/// layers with lon/lat fields are written without a geometry column, others with WKT.
/// A PostgreSQL connection string ("PG:dbname=… host=…", "postgresql://…") writes the layers as
/// tables of its database through io::writeExport: one transaction, GiST indexes, existing tables
/// replaced only with options.overwrite, in the public schema.
/// Throws core::ParameterError (unknown format, several layers for a one-layer format),
/// core::IoError (folder missing or read-only, disk full: naming the file and quoting GDAL).
void writeLayers(std::span<const core::Layer* const> layers, const std::string& path, const WriteOptions& options = {});

/// One layer; see writeLayers.
void writeLayer(const core::Layer& layer, const std::string& path, const WriteOptions& options = {});

}  // namespace circatlas::io
